'use client';

/**
 * The supervisors' wall display: today's key figures and the capacity chart on one 1920×1080
 * screen, in type readable across a room. The same live figures as the dashboard's "Today, live"
 * (useTodayLive: pushed by the ports' event streams, polling as the fallback).
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Messages } from '@/lib/i18n/messages/en';
import { interpolate, type AppLocale } from '@/lib/i18n/translate';
import type { Today, TodayPort } from '@/lib/stats/schemas';
import { useNow } from '../roster/use-now';
import { CHART_COLOR } from './colors';
import { formatDay, formatInt, formatPercent } from './format';
import { useTodayLive } from './use-today-live';

const FIGURES = ['booked', 'arrived', 'stillDue', 'noShows', 'inProgress', 'processed', 'capacity'] as const;
type Figure = (typeof FIGURES)[number];

function totals(ports: readonly TodayPort[]): Record<Figure, number> {
  const sum = Object.fromEntries(FIGURES.map((f) => [f, 0])) as Record<Figure, number>;
  for (const p of ports) for (const f of FIGURES) sum[f] += p[f];
  return sum;
}

export function WallView({ initial, ports, portsLabel, locale, m }: { initial: Today; ports: string[]; portsLabel: string; locale: AppLocale; m: Messages['dashboard'] }) {
  // A wall display is never the focused window for long: keep refreshing behind others.
  const query = useTodayLive(initial, ports, { inBackground: true });
  const now = useNow(1000);
  const tag = locale === 'es' ? 'es-MX' : 'en-US';
  const data = query.data;
  const sum = totals(data.ports);
  const mt = m.metrics;
  const label: Record<Figure, string> = {
    booked: mt.booked,
    arrived: mt.arrived,
    stillDue: mt.stillDue,
    noShows: mt.noShowsSoFar,
    inProgress: mt.inProgress,
    processed: mt.processed,
    capacity: mt.capacity,
  };
  const updated = new Intl.DateTimeFormat(tag, { timeStyle: 'medium' }).format(new Date(data.at));
  const chartRows = data.ports.map((p) => ({ name: p.name, capacity: p.capacity, booked: p.booked, arrived: p.arrived }));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-4xl font-bold">{m.wall.title}</h1>
          <p className="text-xl text-slate-700">{interpolate(m.wall.intro, { ports: portsLabel })}</p>
        </div>
        <div className="text-right">
          <p className="text-5xl font-bold tabular-nums" aria-label={m.wall.clock}>
            {now ? new Intl.DateTimeFormat(tag, { timeStyle: 'short' }).format(now) : '\u00a0'}
          </p>
          <p className="text-lg text-slate-700" role="status" data-testid="wall-updated">
            {interpolate(query.isError ? m.today.stale : m.today.updated, { time: updated })}
          </p>
        </div>
      </div>

      <section aria-labelledby="wall-totals">
        <h2 id="wall-totals" className="sr-only">
          {m.wall.totals}
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
          {FIGURES.map((f) => (
            <div key={f} className="rounded border border-slate-300 bg-white p-4">
              <dt className="text-lg font-semibold text-slate-700">{label[f]}</dt>
              <dd className="text-5xl font-bold tabular-nums">{formatInt(sum[f], locale)}</dd>
            </div>
          ))}
          <div className="rounded border border-slate-300 bg-white p-4">
            <dt className="text-lg font-semibold text-slate-700">{m.wall.utilisation}</dt>
            <dd className="text-5xl font-bold tabular-nums">{sum.capacity > 0 ? formatPercent(sum.booked / sum.capacity, locale) : m.notAvailable}</dd>
          </div>
        </dl>
      </section>

      {data.ports.length === 0 ? (
        <p className="text-2xl">{m.today.empty}</p>
      ) : (
        <div className="grid gap-4 xl:grid-cols-2">
          <section aria-labelledby="wall-table" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="wall-table" className="mb-2 text-2xl font-bold">
              {m.today.title}
            </h2>
            <table className="w-full border-collapse text-left text-xl">
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="px-2 py-1">
                    {mt.port}
                  </th>
                  {FIGURES.map((f) => (
                    <th key={f} scope="col" className="px-2 py-1 text-right text-base">
                      {label[f]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.ports.map((p) => (
                  <tr key={p.port} className="border-b border-slate-200">
                    <th scope="row" className="px-2 py-2 font-semibold">
                      {p.name}
                      <span className="block text-base font-normal text-slate-700">{formatDay(p.date, locale)}</span>
                    </th>
                    {FIGURES.map((f) => (
                      <td key={f} className="px-2 py-2 text-right text-2xl font-bold tabular-nums">
                        {formatInt(p[f], locale)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="wall-chart" aria-describedby="wall-chart-desc" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="wall-chart" className="text-2xl font-bold">
              {m.wall.chart}
            </h2>
            <p id="wall-chart-desc" className="mb-2 text-base text-slate-700">
              {m.wall.chartDesc}
            </p>
            {/* The table beside the chart carries the same figures for screen readers and keyboards: the chart is a picture (no focus stop). */}
            <div aria-hidden="true" style={{ height: Math.max(320, data.ports.length * 52) }}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={chartRows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} tick={{ fontSize: 16 }} />
                  <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 16 }} />
                  <Legend wrapperStyle={{ fontSize: 16 }} />
                  <Bar dataKey="capacity" name={mt.capacity} fill={CHART_COLOR.capacity} isAnimationActive={false} />
                  <Bar dataKey="booked" name={mt.booked} fill={CHART_COLOR.scheduled} isAnimationActive={false} />
                  <Bar dataKey="arrived" name={mt.arrived} fill={CHART_COLOR.checked_in} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </section>
        </div>
      )}
    </div>
  );
}
