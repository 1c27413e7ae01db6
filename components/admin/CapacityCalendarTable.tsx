import type { CapacityDayJson, NationalDayJson } from '@/lib/capacity/schemas';
import { formatDateLong, formatNumber } from '@/lib/format';
import type { AppLocale, Translate } from '@/lib/i18n/translate';

/**
 * Rows are dates; each port shows limit, booked and remaining, with overrides and closures marked
 * in words (not colour alone); the last column is the national total against the cap.
 */
export function CapacityCalendarTable({
  days,
  national,
  ports,
  t,
  locale,
}: {
  days: CapacityDayJson[];
  national: NationalDayJson[];
  ports: Array<{ slug: string; name: string; active: boolean }>;
  t: Translate;
  locale: AppLocale;
}) {
  const byKey = new Map(days.map((d) => [`${d.port}/${d.date}`, d]));
  const n = (x: number) => formatNumber(x, locale);
  return (
    <div className="overflow-x-auto rounded border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('admin.capacity.calendarTitle')}</caption>
        <thead className="sticky top-0 bg-slate-100">
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="px-2 py-2">{t('admin.capacity.columns.date')}</th>
            {ports.map((p) => (
              <th key={p.slug} scope="col" className="px-2 py-2">
                {p.name}
                {!p.active && <span className="block text-xs font-semibold text-amber-900">{t('admin.capacity.suspended')}</span>}
              </th>
            ))}
            <th scope="col" className="px-2 py-2">
              {t('admin.capacity.columns.total')} / {t('admin.capacity.columns.cap')}
            </th>
          </tr>
        </thead>
        <tbody>
          {national.map((nd) => (
            <tr key={nd.date} className="border-b border-slate-200 align-top">
              <th scope="row" className="whitespace-nowrap px-2 py-2 font-semibold">
                {formatDateLong(nd.date, locale)}
              </th>
              {ports.map((p) => {
                const d = byKey.get(`${p.slug}/${nd.date}`);
                if (!d) return <td key={p.slug} className="px-2 py-2" />;
                const closed = d.limit === 0 && d.source === 'override';
                return (
                  <td key={p.slug} data-cell={`${p.slug}/${d.date}`} className={`px-2 py-2 ${d.source === 'override' ? 'bg-amber-50' : ''}`}>
                    <span className="block font-semibold tabular-nums">
                      {t('admin.capacity.columns.limit')} {n(d.limit)}
                      {d.source === 'override' && (
                        <span className="ml-1 rounded border border-amber-800 px-1 text-xs font-semibold text-amber-900">
                          {closed ? t('admin.capacity.closed') : t('admin.capacity.sourceOverride')}
                        </span>
                      )}
                    </span>
                    <span className="block tabular-nums text-slate-700">
                      {t('admin.capacity.columns.booked')} {n(d.booked)} · {t('admin.capacity.columns.remaining')} {n(d.remaining)}
                    </span>
                  </td>
                );
              })}
              <td data-cell={`national/${nd.date}`} className={`px-2 py-2 tabular-nums ${nd.limit > nd.cap ? 'bg-red-50 text-red-900' : ''}`}>
                <span className="font-semibold">
                  {n(nd.limit)} / {n(nd.cap)}
                </span>
                {nd.limit > nd.cap && <span className="block text-xs font-semibold">{t('admin.capacity.overCap')}</span>}
                {nd.limit === nd.cap && <span className="block text-xs">{t('admin.capacity.atCap')}</span>}
                <span className="block text-slate-700">
                  {t('admin.capacity.columns.booked')} {n(nd.booked)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
