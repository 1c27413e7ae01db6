import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { StatusBadge } from '@/components/roster/StatusBadge';
import { requirePageActor } from '@/lib/auth/current';
import { isAppError } from '@/lib/errors';
import { countryName, formatDateLong, formatTime, languageName, needsInterpreter } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { getRoster } from '@/lib/roster/queries';
import { RosterQuerySchema } from '@/lib/roster/schemas';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Roster' };

export default async function RosterPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor('roster.read');
  const { slug } = await params;
  const parsed = RosterQuerySchema.safeParse(await searchParams);
  if (!parsed.success) redirect(`/roster/${slug}`);
  const { t, locale } = await getT();
  let roster;
  try {
    roster = await getRoster(actor, slug, parsed.data);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const tz = roster.port.timeZone;
  const c = roster.counts;
  return (
    <>
      <h1 className="text-3xl font-bold">
        {t('roster.heading', { port: roster.port.name, date: formatDateLong(roster.date, locale) })}
      </h1>
      <dl aria-label={t('roster.counters')} className="my-4 grid grid-cols-3 gap-2 sm:grid-cols-6">
        {(['scheduled', 'checked_in', 'late', 'no_show', 'processed', 'cancelled'] as const).map((s) => (
          <div key={s} className="rounded border border-slate-300 bg-white p-3">
            <dt className="text-sm font-semibold text-slate-700">{t(`status.${s}`)}</dt>
            <dd className="text-3xl font-bold tabular-nums">{c[s]}</dd>
          </div>
        ))}
      </dl>
      {roster.appointments.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-6 text-lg">{t('roster.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="px-3 py-2">{t('roster.columns.time')}</th>
                <th scope="col" className="px-3 py-2">{t('roster.columns.deadline')}</th>
                <th scope="col" className="px-3 py-2">{t('roster.columns.name')}</th>
                <th scope="col" className="px-3 py-2">{t('roster.columns.party')}</th>
                <th scope="col" className="px-3 py-2">{t('roster.columns.nationality')}</th>
                <th scope="col" className="px-3 py-2">{t('roster.columns.language')}</th>
                <th scope="col" className="px-3 py-2">{t('roster.columns.code')}</th>
                <th scope="col" className="px-3 py-2">{t('roster.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {roster.appointments.map((a) => (
                <tr key={a.id} className="border-b border-slate-200">
                  <td className="px-3 py-2 text-xl font-bold tabular-nums">{formatTime(a.scheduledAt, tz, locale)}</td>
                  <td className="px-3 py-2 tabular-nums">{formatTime(a.deadline, tz, locale)}</td>
                  <th scope="row" className="px-3 py-2 font-semibold">
                    {a.familyName}, {a.givenName}
                  </th>
                  <td className="px-3 py-2 tabular-nums">{a.partySize}</td>
                  <td className="px-3 py-2">{countryName(a.nationality, locale)}</td>
                  <td className="px-3 py-2">
                    {languageName(a.language, locale)}
                    {needsInterpreter(a.language) && <span className="ml-2 rounded bg-purple-100 px-1 text-sm text-purple-900">{t('roster.interpreter')}</span>}
                  </td>
                  <td className="px-3 py-2 font-mono">{a.confirmationCode}</td>
                  <td className="px-3 py-2">
                    <StatusBadge status={a.status} label={t(`status.${a.status}`)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
