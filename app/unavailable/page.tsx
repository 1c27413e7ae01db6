import { DatabaseUnavailable } from '@/components/layout/DatabaseUnavailable';
import { safeReturnPath } from '@/lib/auth/unavailable-path';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('common.reconnecting', { withoutDatabase: true });

// Pages come here (lib/auth/current.ts) while the database does not answer; no database call is made here.
export default async function UnavailablePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const back = (await searchParams).back;
  return <DatabaseUnavailable back={safeReturnPath(typeof back === 'string' ? back : null)} />;
}
