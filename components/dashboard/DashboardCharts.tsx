'use client';

/**
 * The dashboard's charts. recharts is imported only under components/dashboard/, so no other
 * page loads it. Every chart's table and CSV are built from the same rows the chart draws.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Messages } from '@/lib/i18n/messages/en';
import { interpolate, type AppLocale } from '@/lib/i18n/translate';
import type { Hourly, PeriodTotals } from '@/lib/stats/schemas';
import { rates } from '@/lib/stats/rules';
import { ChartPanel, type Column, type Row } from './ChartPanel';
import { CHART_COLOR, OUTCOME_COLORS } from './colors';
import { formatDay, formatHour, formatInt, formatMinutes, formatPercent } from './format';

export interface DayRow {
  date: string;
  capacity: number;
  booked: number;
  arrived: number;
  checkedIn: number;
  late: number;
  noShow: number;
  processed: number;
  cancelled: number;
  utilisation: number | null;
  noShowRate: number | null;
  lateRate: number | null;
  outcomes: Record<string, number>;
}

type PortTotals = PeriodTotals & { name: string };

function exactShares(p: PortTotals) {
  const { utilisation, noShowRate, lateRate } = rates(p, true);
  return { utilisation, noShowRate, lateRate };
}
type M = Messages['dashboard'];

const HEIGHT = 300;

export function DashboardCharts({
  days,
  hours,
  ports,
  outcomeCodes,
  locale,
  from,
  to,
  m,
}: {
  days: DayRow[];
  hours: Hourly['hours'];
  ports: PortTotals[];
  outcomeCodes: { code: string; label: string }[];
  locale: AppLocale;
  from: string;
  to: string;
  m: M;
}) {
  const labels = { showTable: m.showTable, showChart: m.showChart, downloadCsv: m.downloadCsv, notAvailable: m.notAvailable };
  const fmtInt = (v: unknown) => (typeof v === 'number' ? formatInt(v, locale) : m.notAvailable);
  const fmtPct = (v: unknown) => (typeof v === 'number' ? formatPercent(v, locale) : m.notAvailable);
  const tick = (d: string) => formatDay(d, locale, 'short');
  const tooltipDate = (d: unknown) => formatDay(String(d), locale);
  const caption = (title: string) => interpolate(m.tableCaption, { title, from: formatDay(from, locale), to: formatDay(to, locale) });
  const panel = (id: string, title: string) => ({
    id,
    title,
    caption: caption(title),
    locale,
    labels,
    fileName: `${id}-${from}-${to}.csv`,
  });
  const mt = m.metrics;

  // 1. Capacity vs booked vs arrived
  const capacityColumns: Column[] = [
    { key: 'date', label: mt.date, kind: 'date' },
    { key: 'capacity', label: mt.capacity, kind: 'int' },
    { key: 'booked', label: mt.booked, kind: 'int' },
    { key: 'arrived', label: mt.arrived, kind: 'int' },
    { key: 'utilisation', label: mt.utilisation, kind: 'percent' },
  ];
  // Shares recomputed from the counts, unrounded: the table and the CSV round them once.
  const dayRates = days.map((d) => rates(d, true));
  const capacityRows: Row[] = days.map((d, i) => ({ date: d.date, capacity: d.capacity, booked: d.booked, arrived: d.arrived, utilisation: dayRates[i]!.utilisation }));

  // 2. Outcome mix: only codes that occur, in the catalogue's order
  const usedCodes = outcomeCodes.filter((c) => days.some((d) => (d.outcomes[c.code] ?? 0) > 0));
  const outcomeColumns: Column[] = [
    { key: 'date', label: mt.date, kind: 'date' },
    ...usedCodes.map((c) => ({ key: c.code, label: c.label, kind: 'int' as const })),
    { key: 'processed', label: mt.processed, kind: 'int' },
  ];
  const outcomeRows: Row[] = days.map((d) => ({
    date: d.date,
    ...Object.fromEntries(usedCodes.map((c) => [c.code, d.outcomes[c.code] ?? 0])),
    processed: d.processed,
  }));

  // 3. Rates
  const rateColumns: Column[] = [
    { key: 'date', label: mt.date, kind: 'date' },
    { key: 'noShowRate', label: mt.noShowRate, kind: 'percent' },
    { key: 'lateRate', label: mt.lateRate, kind: 'percent' },
    { key: 'noShow', label: mt.noShow, kind: 'int' },
    { key: 'late', label: mt.late, kind: 'int' },
  ];
  const rateRows: Row[] = days.map((d, i) => ({ date: d.date, noShowRate: dayRates[i]!.noShowRate, lateRate: dayRates[i]!.lateRate, noShow: d.noShow, late: d.late }));

  // 4. Hourly
  const hourColumns: Column[] = [
    { key: 'hour', label: mt.hour, kind: 'hour' },
    { key: 'scheduled', label: mt.scheduled, kind: 'int' },
    { key: 'arrived', label: mt.arrived, kind: 'int' },
  ];
  const hourRows: Row[] = hours.map((h) => ({ hour: h.hour, scheduled: h.scheduled, arrived: h.arrived }));
  const anyScheduled = hours.some((h) => h.scheduled > 0 || h.arrived > 0);

  // 5. Ports side by side
  const portColumns: Column[] = [
    { key: 'name', label: mt.port, kind: 'text' },
    { key: 'capacity', label: mt.capacity, kind: 'int' },
    { key: 'booked', label: mt.booked, kind: 'int' },
    { key: 'checkedIn', label: mt.checkedIn, kind: 'int' },
    { key: 'late', label: mt.late, kind: 'int' },
    { key: 'noShow', label: mt.noShow, kind: 'int' },
    { key: 'processed', label: mt.processed, kind: 'int' },
    { key: 'utilisation', label: mt.utilisation, kind: 'percent' },
    { key: 'noShowRate', label: mt.noShowRate, kind: 'percent' },
    { key: 'lateRate', label: mt.lateRate, kind: 'percent' },
    { key: 'median', label: mt.median, kind: 'minutes' },
    { key: 'p90', label: mt.p90, kind: 'minutes' },
  ];
  const portRows: Row[] = ports.map((p) => ({
    ...exactShares(p),
    name: p.name,
    capacity: p.capacity,
    booked: p.booked,
    checkedIn: p.checkedIn,
    late: p.late,
    noShow: p.noShow,
    processed: p.processed,
    median: p.minutesToOutcome.median,
    p90: p.minutesToOutcome.p90,
  }));
  const portMax = Math.max(1, ...ports.map((p) => p.booked));
  const portSeries = [
    { key: 'booked', label: mt.booked, color: CHART_COLOR.scheduled },
    { key: 'checkedIn', label: mt.checkedIn, color: CHART_COLOR.checked_in },
    { key: 'late', label: mt.late, color: CHART_COLOR.late },
    { key: 'noShow', label: mt.noShow, color: CHART_COLOR.no_show },
  ] as const;

  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <ChartPanel {...panel('capacity', m.charts.capacity)} description={m.charts.capacityDesc} columns={capacityColumns} rows={capacityRows}>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <ComposedChart data={capacityRows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="date" tickFormatter={tick} tick={{ fill: '#334155' }} minTickGap={16} />
            <YAxis tickFormatter={fmtInt} tick={{ fill: '#334155' }} allowDecimals={false} />
            <Tooltip labelFormatter={tooltipDate} formatter={fmtInt} />
            <Legend />
            <Bar dataKey="booked" name={mt.booked} fill={CHART_COLOR.scheduled} isAnimationActive={false} />
            <Bar dataKey="arrived" name={mt.arrived} fill={CHART_COLOR.checked_in} isAnimationActive={false} />
            <Line dataKey="capacity" name={mt.capacity} stroke={CHART_COLOR.capacity} strokeDasharray="6 3" strokeWidth={2} dot={false} type="stepAfter" isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartPanel>

      <ChartPanel
        {...panel('outcomes', m.charts.outcomes)}
        description={m.charts.outcomesDesc}
        columns={outcomeColumns}
        rows={outcomeRows}
        empty={usedCodes.length === 0 ? m.charts.outcomesEmpty : undefined}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={outcomeRows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="date" tickFormatter={tick} tick={{ fill: '#334155' }} minTickGap={16} />
            <YAxis tickFormatter={fmtInt} tick={{ fill: '#334155' }} allowDecimals={false} />
            <Tooltip labelFormatter={tooltipDate} formatter={fmtInt} />
            <Legend />
            {usedCodes.map((c, i) => (
              <Bar key={c.code} dataKey={c.code} name={c.label} stackId="outcomes" fill={OUTCOME_COLORS[i % OUTCOME_COLORS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartPanel>

      <ChartPanel {...panel('rates', m.charts.rates)} description={`${m.charts.ratesDesc} ${m.rateHint}`} columns={rateColumns} rows={rateRows}>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <LineChart data={rateRows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="date" tickFormatter={tick} tick={{ fill: '#334155' }} minTickGap={16} />
            <YAxis tickFormatter={fmtPct} tick={{ fill: '#334155' }} />
            <Tooltip labelFormatter={tooltipDate} formatter={fmtPct} />
            <Legend />
            <Line dataKey="noShowRate" name={mt.noShowRate} stroke={CHART_COLOR.no_show} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
            <Line dataKey="lateRate" name={mt.lateRate} stroke={CHART_COLOR.late} strokeWidth={2} strokeDasharray="4 2" dot={false} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartPanel>

      <ChartPanel
        {...panel('hourly', m.charts.hourly)}
        description={m.charts.hourlyDesc}
        columns={hourColumns}
        rows={hourRows}
        empty={anyScheduled ? undefined : m.charts.hourlyEmpty}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={hourRows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} barGap={0}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="hour" tickFormatter={formatHour} tick={{ fill: '#334155' }} interval={2} />
            <YAxis tickFormatter={fmtInt} tick={{ fill: '#334155' }} allowDecimals={false} />
            <Tooltip labelFormatter={(h) => formatHour(Number(h))} formatter={fmtInt} />
            <Legend />
            <Bar dataKey="scheduled" name={mt.scheduled} fill={CHART_COLOR.scheduled} isAnimationActive={false} />
            <Bar dataKey="arrived" name={mt.arrived} fill={CHART_COLOR.checked_in} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartPanel>

      <div className="xl:col-span-2">
        <ChartPanel {...panel('ports', m.charts.ports)} description={m.charts.portsDesc} columns={portColumns} rows={portRows}>
          <ul className="grid list-none gap-4 p-0 sm:grid-cols-2 lg:grid-cols-4">
            {ports.map((p) => {
              const data = portSeries.map((s) => ({ label: s.label, value: p[s.key], color: s.color }));
              const { utilisation } = exactShares(p);
              return (
                <li key={p.port} className="rounded border border-slate-200 p-2">
                  <h4 className="font-semibold">{p.name}</h4>
                  <p className="text-sm text-slate-700">
                    {mt.utilisation}: {utilisation === null ? m.notAvailable : formatPercent(utilisation, locale)}
                    {' · '}
                    {mt.median}: {p.minutesToOutcome.median === null ? m.notAvailable : interpolate(m.minutesValue, { value: formatMinutes(p.minutesToOutcome.median, locale) })}
                  </p>
                  <ResponsiveContainer width="100%" height={180}>
                    <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
                      <XAxis type="number" domain={[0, portMax]} tickFormatter={fmtInt} tick={{ fill: '#334155', fontSize: 12 }} allowDecimals={false} />
                      <YAxis type="category" dataKey="label" width={110} tick={{ fill: '#334155', fontSize: 12 }} />
                      <Tooltip formatter={fmtInt} />
                      <Bar dataKey="value" name={p.name} isAnimationActive={false}>
                        {data.map((d) => (
                          <Cell key={d.label} fill={d.color} />
                        ))}
                      </Bar>
                    </BarChart>
                  </ResponsiveContainer>
                </li>
              );
            })}
          </ul>
        </ChartPanel>
      </div>
    </div>
  );
}
