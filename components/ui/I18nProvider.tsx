'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createTranslator, type AppLocale, type Translate } from '@/lib/i18n/translate';

const I18nContext = createContext<{ t: Translate; locale: AppLocale } | null>(null);

/** Gives client components the slice of the catalogue the page passed down. */
export function I18nProvider({ locale, messages, children }: { locale: AppLocale; messages: unknown; children: ReactNode }) {
  const value = useMemo(() => ({ t: createTranslator(messages), locale }), [messages, locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): { t: Translate; locale: AppLocale } {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
