/** Number and date formatting for the dashboard's client components (pure). */
import type { AppLocale } from '@/lib/i18n/translate';

export type ColumnKind = 'text' | 'int' | 'percent' | 'minutes' | 'date' | 'hour';

const tag = (locale: AppLocale) => (locale === 'es' ? 'es-MX' : 'en-US');

export function formatInt(n: number, locale: AppLocale): string {
  return new Intl.NumberFormat(tag(locale)).format(n);
}

export function formatPercent(fraction: number, locale: AppLocale): string {
  return new Intl.NumberFormat(tag(locale), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction);
}

export function formatMinutes(n: number, locale: AppLocale): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 }).format(n);
}

/** A service date, which has no zone of its own: formatted as a calendar date. */
export function formatDay(date: string, locale: AppLocale, style: 'short' | 'medium' = 'medium'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const options: Intl.DateTimeFormatOptions =
    style === 'short' ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(tag(locale), options).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

export function formatCell(value: string | number | null | undefined, kind: ColumnKind, locale: AppLocale, notAvailable: string): string {
  if (value === null || value === undefined) return notAvailable;
  if (typeof value === 'string') return kind === 'date' ? formatDay(value, locale) : value;
  switch (kind) {
    case 'percent':
      return formatPercent(value, locale);
    case 'minutes':
      return formatMinutes(value, locale);
    case 'hour':
      return formatHour(value);
    default:
      return formatInt(value, locale);
  }
}

/** The value written to CSV: what the table shows, without locale separators (percent as a number of percent). */
export function csvValue(value: string | number | null | undefined, kind: ColumnKind): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (kind === 'percent') return Math.round(value * 1000) / 10;
  if (kind === 'hour') return formatHour(value);
  return value;
}
