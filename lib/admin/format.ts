import type { AppLocale } from '@/lib/i18n/translate';

/**
 * Sign-ins and key uses are not tied to a port, so they are shown in UTC, labelled as such.
 * (Intl refuses dateStyle together with timeZoneName, hence the explicit fields.)
 */
export function utcInstantFormatter(locale: AppLocale): (iso: string) => string {
  const f = new Intl.DateTimeFormat(locale === 'es' ? 'es-MX' : 'en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  return (iso) => f.format(new Date(iso));
}
