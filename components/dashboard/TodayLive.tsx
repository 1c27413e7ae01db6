'use client';

import type { Messages } from '@/lib/i18n/messages/en';
import { interpolate, type AppLocale } from '@/lib/i18n/translate';
import type { Today } from '@/lib/stats/schemas';
import { formatDay, formatInt } from './format';
import { useTodayLive } from './use-today-live';

/** Today's figures per port, kept current by useTodayLive (event streams, polling as fallback). */
export function TodayLive({ initial, ports, locale, m }: { initial: Today; ports: string[]; locale: AppLocale; m: Messages['dashboard'] }) {
  const query = useTodayLive(initial, ports);
  const data = query.data;
  const time = new Intl.DateTimeFormat(locale === 'es' ? 'es-MX' : 'en-US', { timeStyle: 'medium' }).format(new Date(data.at));
  const mt = m.metrics;
  const columns = [
    ['booked', mt.booked],
    ['arrived', mt.arrived],
    ['stillDue', mt.stillDue],
    ['noShows', mt.noShowsSoFar],
    ['inProgress', mt.inProgress],
    ['processed', mt.processed],
    ['capacity', mt.capacity],
  ] as const;
  return (
    <section aria-labelledby="today-title" className="mb-6 rounded border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="today-title" className="text-xl font-bold">
          {m.today.title}
        </h2>
        <p className="text-sm text-slate-700" data-testid="today-updated">
          {interpolate(query.isError ? m.today.stale : m.today.updated, { time })}
        </p>
      </div>
      <p className="mb-2 text-sm text-slate-700">{m.today.intro}</p>
      {data.ports.length === 0 ? (
        <p>{m.today.empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{m.today.title}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="px-2 py-1">
                  {mt.port}
                </th>
                <th scope="col" className="px-2 py-1">
                  {mt.date}
                </th>
                {columns.map(([key, label]) => (
                  <th key={key} scope="col" className="px-2 py-1 text-right">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.ports.map((p) => (
                <tr key={p.port} className="border-b border-slate-200">
                  <th scope="row" className="px-2 py-1 font-semibold">
                    {p.name}
                  </th>
                  <td className="px-2 py-1">{formatDay(p.date, locale)}</td>
                  {columns.map(([key]) => (
                    <td key={key} className="px-2 py-1 text-right text-lg font-bold tabular-nums">
                      {formatInt(p[key], locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
