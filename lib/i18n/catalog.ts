import { en, type Messages } from './messages/en';
import { es } from './messages/es';
import { createTranslator, type AppLocale, type Translate } from './translate';

const CATALOGS: Record<AppLocale, Messages> = { en, es };

export function messagesFor(locale: AppLocale): Messages {
  return CATALOGS[locale];
}

export function translatorFor(locale: AppLocale): Translate {
  return createTranslator(CATALOGS[locale]);
}

/** Only the namespaces a client component needs, so the browser does not load the whole catalogue. */
export function pickMessages<K extends keyof Messages>(locale: AppLocale, namespaces: readonly K[]): Pick<Messages, K> {
  const all = CATALOGS[locale];
  return Object.fromEntries(namespaces.map((ns) => [ns, all[ns]])) as Pick<Messages, K>;
}
