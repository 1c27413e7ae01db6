import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { optionalPageActor } from '@/lib/auth/current';
import { translatorFor } from './catalog';
import { isLocale, LOCALE_COOKIE, negotiateLocale, type AppLocale, type Translate } from './translate';

/** The language without asking the database: the language cookie, then the browser's preference. */
export async function getCookieLocale(): Promise<AppLocale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get('accept-language'));
}

/** The signed-in person's chosen language; before sign-in the cookie, then the browser's preference. */
export const getLocale = cache(async (): Promise<AppLocale> => {
  const actor = await optionalPageActor();
  return actor ? actor.locale : getCookieLocale();
});

export async function getT(): Promise<{ t: Translate; locale: AppLocale }> {
  const locale = await getLocale();
  return { t: translatorFor(locale), locale };
}
