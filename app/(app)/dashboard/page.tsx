import Link from 'next/link';
import { Suspense } from 'react';
import { Skeleton } from '@/components/ui/Skeleton';
import { DashboardCharts } from '@/components/dashboard/DashboardCharts';
import { DashboardControls } from '@/components/dashboard/DashboardControls';
import { formatDay, formatInt, formatMinutes, formatPercent } from '@/components/dashboard/format';
import { QueryProvider } from '@/lib/api-client/QueryProvider';
import { TodayLive } from '@/components/dashboard/TodayLive';
import { requirePageActor } from '@/lib/auth/current';
import { pickMessages } from '@/lib/i18n/catalog';
import { getT } from '@/lib/i18n/server';
import type { Messages } from '@/lib/i18n/messages/en';
import { interpolate, type AppLocale } from '@/lib/i18n/translate';
import { readDailyStats } from '@/lib/stats/daily';
import { readHourly, readOutcomeLabels, readToday, resolveStatsPorts } from '@/lib/stats/queries';
import { readSummary } from '@/lib/stats/summary';
import { change, presetRange, RANGE_PRESETS, rangeProblems, rates, sumByDate, type RangePreset } from '@/lib/stats/rules';
import type { PeriodTotals } from '@/lib/stats/schemas';
import { isIsoDate, portToday } from '@/lib/time';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('dashboard.title');

type Search = Record<string, string | string[] | undefined>;
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('stats.read');
  const { t, locale } = await getT();
  const m = pickMessages(locale, ['dashboard']).dashboard;

  // Officers see their own port's today, live; the period statistics are for supervisors and admins.
  if (actor.role === 'officer') {
    const ports = await resolveStatsPorts(actor, []);
    const today = await readToday(ports);
    return (
      <>
        <h1 className="mb-1 text-3xl font-bold">{m.title}</h1>
        <p className="mb-6 text-slate-700">{m.officerIntro}</p>
        <QueryProvider>
          <TodayLive initial={today} ports={[]} locale={locale} m={m} />
        </QueryProvider>
      </>
    );
  }

  const sp = await searchParams;
  const visible = await resolveStatsPorts(actor, []);
  const wanted = list(sp.port).filter((slug) => visible.some((p) => p.slug === slug));
  const ports = await resolveStatsPorts(actor, wanted);
  const rangeParam = one(sp.range);
  const preset: RangePreset = (RANGE_PRESETS as readonly string[]).includes(rangeParam ?? '') ? (rangeParam as RangePreset) : '30';
  // "Today" is the latest local date among the chosen ports (all of them are US zones, hours apart).
  const today = ports.map((p) => p.today).sort().at(-1) ?? portToday('UTC');
  const problems = preset === 'custom' ? rangeProblems(one(sp.from), one(sp.to), isIsoDate) : {};
  const valid = Object.keys(problems).length === 0;
  const range = preset === 'custom' ? { from: one(sp.from) ?? today, to: one(sp.to) ?? today } : presetRange(preset, today);
  const selected = ports.map((p) => p.slug);
  const portQuery = wanted.length ? wanted : [];

  // Today's figures come first; the period's (the slow part over a long range) stream in after.
  const live = await readToday(ports);
  const nameOf = new Map(visible.map((p) => [p.slug, p.name]));
  const portsLabel = ports.length === visible.length ? m.allPorts : ports.length === 1 ? ports[0]!.name : interpolate(m.portsCount, { count: ports.length });

  return (
    <>
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold">{m.title}</h1>
        <Link href={`/dashboard/wall${portQuery.length ? `?${new URLSearchParams(portQuery.map((p) => ['port', p]))}` : ''}`} className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
          {m.wall.open}
        </Link>
      </div>
      <p className="mb-4 text-slate-700">{m.intro}</p>
      <DashboardControls
        m={m}
        preset={preset}
        from={range.from}
        to={range.to}
        ports={visible.map((p) => ({ slug: p.slug, name: p.name }))}
        selected={selected}
        problems={problems}
      />
      <QueryProvider>
        <TodayLive initial={live} ports={portQuery} locale={locale} m={m} />
      </QueryProvider>
      {valid && (
        <Suspense fallback={<Skeleton label={t('common.loading')} shape="dashboard" />}>
          <PeriodSection ports={ports} from={range.from} to={range.to} portsLabel={portsLabel} nameOf={nameOf} locale={locale} m={m} />
        </Suspense>
      )}
    </>
  );
}

type M = Messages['dashboard'];

type StatsPorts = Awaited<ReturnType<typeof resolveStatsPorts>>;

/** The chosen period: headline figures against the previous period, then the charts. */
async function PeriodSection({ ports, from, to, portsLabel, nameOf, locale, m }: { ports: StatsPorts; from: string; to: string; portsLabel: string; nameOf: Map<string, string>; locale: AppLocale; m: M }) {
  const range = { from, to };
  const [daily, summary, hourly, outcomeCodes] = await Promise.all([
    readDailyStats(ports, from, to),
    readSummary(ports, from, to),
    readHourly(ports, from, to),
    readOutcomeLabels(locale),
  ]);
  const isEmpty = summary.total.booked === 0 && summary.total.cancelled === 0;
  return (
    <section aria-labelledby="period-title">
      <h2 id="period-title" className="text-2xl font-bold">
        {interpolate(m.rangeLabel, { from: formatDay(range.from, locale), to: formatDay(range.to, locale), ports: portsLabel })}
      </h2>
      {isEmpty ? (
        <p className="my-4 rounded border border-slate-300 bg-white p-6 text-lg">{m.empty}</p>
      ) : (
        <>
          <Headline total={summary.total} before={summary.previous.total} m={m} locale={locale} />
          <p className="mb-4 text-sm text-slate-700">
            {interpolate(m.previous, { from: formatDay(summary.previous.from, locale), to: formatDay(summary.previous.to, locale) })}
            {'. '}
            {m.rateHint}
          </p>
          <DashboardCharts
            days={sumByDate(daily.days)}
            hours={hourly.hours}
            ports={summary.ports.map((p) => ({ ...p, name: nameOf.get(p.port ?? '') ?? p.port ?? '' }))}
            outcomeCodes={outcomeCodes}
            locale={locale}
            from={range.from}
            to={range.to}
            m={m}
          />
        </>
      )}
    </section>
  );
}

function Headline({ total, before, m, locale }: { total: PeriodTotals; before: PeriodTotals; m: M; locale: AppLocale }) {
  const mt = m.metrics;
  const na = m.notAvailable;
  const direction = (delta: number | null, text: (abs: number) => string) => {
    if (delta === null) return m.noPrevious;
    if (delta === 0) return m.same;
    return interpolate(delta > 0 ? m.up : m.down, { value: text(Math.abs(delta)) });
  };
  const countItem = (label: string, now: number, was: number) => ({
    label,
    value: formatInt(now, locale),
    delta: direction(change(now, was), (v) => formatPercent(v, locale)),
  });
  const rateItem = (label: string, now: number | null, was: number | null) => ({
    label,
    value: now === null ? na : formatPercent(now, locale),
    delta: direction(now === null || was === null ? null : Math.round((now - was) * 1000) / 10, (v) => interpolate(m.points, { value: formatMinutes(v, locale) })),
  });
  const minutesItem = (label: string, now: number | null, was: number | null) => ({
    label,
    value: now === null ? na : interpolate(m.minutesValue, { value: formatMinutes(now, locale) }),
    delta: direction(now === null || was === null ? null : Math.round((now - was) * 10) / 10, (v) => interpolate(m.minutesValue, { value: formatMinutes(v, locale) })),
  });
  // Shares from the counts, unrounded, so each figure on screen is rounded once.
  const [current, previous] = [rates(total, true), rates(before, true)];
  const items = [
    countItem(mt.booked, total.booked, before.booked),
    countItem(mt.arrived, total.arrived, before.arrived),
    rateItem(mt.utilisation, current.utilisation, previous.utilisation),
    rateItem(mt.noShowRate, current.noShowRate, previous.noShowRate),
    rateItem(mt.lateRate, current.lateRate, previous.lateRate),
    countItem(mt.processed, total.processed, before.processed),
    minutesItem(mt.median, total.minutesToOutcome.median, before.minutesToOutcome.median),
    minutesItem(mt.p90, total.minutesToOutcome.p90, before.minutesToOutcome.p90),
  ];
  return (
    <dl aria-label={m.headline} className="my-4 grid grid-cols-2 gap-3 md:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="rounded border border-slate-300 bg-white p-3">
          <dt className="text-sm font-semibold text-slate-700">{item.label}</dt>
          <dd className="text-3xl font-bold tabular-nums">{item.value}</dd>
          <dd className="text-sm text-slate-700">
            {item.delta}
            {item.delta !== m.noPrevious && item.delta !== m.same ? ` ${m.vsPrevious}` : ''}
          </dd>
        </div>
      ))}
    </dl>
  );
}
