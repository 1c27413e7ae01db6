/**
 * A page's <title> in the reader's language (screen readers announce it first), from the same
 * catalogue key as its heading: `export const generateMetadata = pageTitle('roster.title')`.
 */
import type { Metadata } from 'next';
import { translatorFor } from './catalog';
import { getCookieLocale, getT } from './server';
import type { MessageKey } from './translate';

export function pageTitle(key: MessageKey, opts: { withoutDatabase?: boolean } = {}): () => Promise<Metadata> {
  return async () => {
    // The "reconnecting" page must not wait on the database it says is away.
    const t = opts.withoutDatabase ? translatorFor(await getCookieLocale()) : (await getT()).t;
    return { title: t(key) };
  };
}
