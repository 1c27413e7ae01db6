import Link from 'next/link';
import { WallView } from '@/components/dashboard/WallView';
import { QueryProvider } from '@/lib/api-client/QueryProvider';
import { requirePageActor } from '@/lib/auth/current';
import { pickMessages } from '@/lib/i18n/catalog';
import { pageTitle } from '@/lib/i18n/page-title';
import { getT } from '@/lib/i18n/server';
import { interpolate } from '@/lib/i18n/translate';
import { readToday, resolveStatsPorts } from '@/lib/stats/queries';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('dashboard.wall.title');

type Search = Record<string, string | string[] | undefined>;

/** The wall view: the same port choice as the dashboard (?port=…, none = every port the viewer may see). */
export default async function WallPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('stats.read');
  const { locale } = await getT();
  const m = pickMessages(locale, ['dashboard']).dashboard;
  const sp = await searchParams;
  const asked = sp.port === undefined ? [] : Array.isArray(sp.port) ? sp.port : [sp.port];
  const visible = await resolveStatsPorts(actor, []);
  const wanted = asked.filter((slug) => visible.some((p) => p.slug === slug));
  const ports = await resolveStatsPorts(actor, wanted);
  const today = await readToday(ports);
  const portsLabel = ports.length === visible.length ? m.allPorts : ports.length === 1 ? ports[0]!.name : interpolate(m.portsCount, { count: ports.length });
  return (
    <>
      <QueryProvider>
        <WallView initial={today} ports={wanted} portsLabel={portsLabel} locale={locale} m={m} />
      </QueryProvider>
      <p className="no-print mt-4">
        <Link href="/dashboard" className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
          {m.wall.back}
        </Link>
      </p>
    </>
  );
}
