import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/current';
import { getT } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('admin.title');

const SECTIONS = [
  { href: '/admin/capacity', key: 'capacity' },
  { href: '/admin/ports', key: 'ports' },
  { href: '/admin/outcome-codes', key: 'outcomeCodes' },
  { href: '/admin/users', key: 'users' },
  { href: '/admin/intake-keys', key: 'intakeKeys' },
  { href: '/admin/import', key: 'import' },
] as const;

export default async function AdminHome() {
  await requirePageActor('admin.capacity');
  const { t } = await getT();
  return (
    <>
      <h1 className="mb-1 text-3xl font-bold">{t('admin.title')}</h1>
      <p className="mb-6 max-w-3xl text-slate-700">{t('admin.intro')}</p>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s.href} className="rounded border border-slate-300 bg-white p-4">
            <Link href={s.href} className="inline-flex min-h-11 items-center text-xl font-semibold text-blue-800 underline">
              {t(`admin.sections.${s.key}`)}
            </Link>
            <p className="text-slate-700">{t(`admin.sections.${s.key}Help`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
