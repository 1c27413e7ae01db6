import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requirePageActor } from '@/lib/auth/current';
import { getT } from '@/lib/i18n/server';
import { listPorts } from '@/lib/ports/queries';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('home.portsTitle');

export default async function PortsPage() {
  const actor = await requirePageActor('ports.read');
  if (actor.role === 'officer' && actor.portSlug) redirect(`/roster/${actor.portSlug}`);
  const { t } = await getT();
  const ports = await listPorts(actor);
  return (
    <>
      <h1 className="mb-1 text-3xl font-bold">{t('home.portsTitle')}</h1>
      <p className="mb-6 text-slate-700">{t('home.portsIntro')}</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="px-3 py-2">{t('home.columns.name')}</th>
              <th scope="col" className="px-3 py-2">{t('home.columns.state')}</th>
              <th scope="col" className="px-3 py-2">{t('home.columns.code')}</th>
              <th scope="col" className="px-3 py-2">{t('home.columns.timeZone')}</th>
              <th scope="col" className="px-3 py-2">{t('home.columns.today')}</th>
              <th scope="col" className="px-3 py-2">{t('home.columns.grace')}</th>
              <th scope="col" className="px-3 py-2">{t('home.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {ports.map((p) => (
              <tr key={p.slug} className="border-b border-slate-200">
                <th scope="row" className="px-3 py-2">
                  <Link href={`/roster/${p.slug}`} className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
                    {p.name}
                  </Link>
                </th>
                <td className="px-3 py-2">{p.state}</td>
                <td className="px-3 py-2 tabular-nums">{p.code}</td>
                <td className="px-3 py-2">{p.timeZone}</td>
                <td className="px-3 py-2 tabular-nums">{p.today}</td>
                <td className="px-3 py-2 tabular-nums">{p.graceMinutes}</td>
                <td className="px-3 py-2">{p.active ? t('home.active') : t('home.suspended')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
