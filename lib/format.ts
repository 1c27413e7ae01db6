/** Locale-aware display helpers (pure; usable on server and client). */
import type { AppLocale } from '@/lib/i18n/translate';

const regionNames = new Map<AppLocale, Intl.DisplayNames>();
const languageNames = new Map<AppLocale, Intl.DisplayNames>();

export function countryName(code: string, locale: AppLocale): string {
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })));
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string, locale: AppLocale): string {
  let names = languageNames.get(locale);
  if (!names) languageNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language' })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** People served mostly speak Spanish; anything but English or Spanish needs an interpreter. */
export function needsInterpreter(language: string): boolean {
  return language !== 'en' && language !== 'es';
}

export function formatDateLong(date: string, locale: AppLocale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-MX' : 'en-US', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatTime(iso: string, timeZone: string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-MX' : 'en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
}

export function formatNumber(n: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale === 'es' ? 'es-MX' : 'en-US').format(n);
}

/** The fields every instant is shown with: date and a 24-hour clock. */
const INSTANT_FIELDS = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

const intlLocale = (locale: AppLocale) => (locale === 'es' ? 'es-MX' : 'en-US');

/** Date and time of an instant in a zone (a port's, or UTC), e.g. "Nov 25, 2026, 09:12". */
export function formatInstant(iso: string, timeZone: string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { ...INSTANT_FIELDS, timeZone }).format(new Date(iso));
}

/**
 * Sign-ins and key uses are not tied to a port, so they are shown in UTC, labelled as such.
 * (Intl refuses dateStyle together with timeZoneName, hence the explicit fields.)
 */
export function utcInstantFormatter(locale: AppLocale): (iso: string) => string {
  const f = new Intl.DateTimeFormat(intlLocale(locale), { ...INSTANT_FIELDS, timeZone: 'UTC', timeZoneName: 'short' });
  return (iso) => f.format(new Date(iso));
}
