import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, negotiateLocale, type AppLocale } from '@/lib/i18n/translate';

/** The language for an API answer: the person's chosen language cookie, else Accept-Language. */
export function requestLocale(request: Request): AppLocale {
  const cookie = request.headers.get('cookie') ?? '';
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})`).exec(cookie);
  if (match && isLocale(match[1])) return match[1];
  return negotiateLocale(request.headers.get('accept-language')) ?? DEFAULT_LOCALE;
}
