'use client';

import type { Appointment } from '@/lib/roster/schemas';
import { useI18n } from '@/components/ui/I18nProvider';
import { formatNumber } from '@/lib/format';
import { STATUS_STYLE } from './StatusBadge';

export function countStatuses(rows: Appointment[]) {
  const counts = { booked: 0, scheduled: 0, checked_in: 0, late: 0, no_show: 0, processed: 0, cancelled: 0 };
  for (const r of rows) {
    counts[r.status] += 1;
    if (r.status !== 'cancelled') counts.booked += 1;
  }
  return counts;
}

/** The day's numbers, large enough to read from arm's length. */
export function CounterBand({ rows }: { rows: Appointment[] }) {
  const { t, locale } = useI18n();
  const c = countStatuses(rows);
  const items = [
    { key: 'booked', label: t('kiosk.booked'), value: c.booked, className: 'border-slate-400 bg-white text-slate-900' },
    { key: 'checked_in', label: t('status.checked_in'), value: c.checked_in, className: STATUS_STYLE.checked_in.className },
    { key: 'late', label: t('status.late'), value: c.late, className: STATUS_STYLE.late.className },
    { key: 'no_show', label: t('status.no_show'), value: c.no_show, className: STATUS_STYLE.no_show.className.replace('line-through', '') },
    { key: 'processed', label: t('status.processed'), value: c.processed, className: STATUS_STYLE.processed.className },
    { key: 'to_come', label: t('kiosk.stillToCome'), value: c.scheduled, className: STATUS_STYLE.scheduled.className },
  ];
  return (
    <dl aria-label={t('roster.counters')} className="grid grid-cols-3 gap-2 lg:grid-cols-6">
      {items.map((item) => (
        <div key={item.key} className={`rounded border-2 px-3 py-2 ${item.className}`}>
          <dt className="text-sm font-semibold">{item.label}</dt>
          <dd className="text-4xl font-bold tabular-nums" data-counter={item.key}>
            {formatNumber(item.value, locale)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
