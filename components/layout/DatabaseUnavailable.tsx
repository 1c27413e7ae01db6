import { translatorFor } from '@/lib/i18n/catalog';
import { getCookieLocale } from '@/lib/i18n/server';
import { ReloadSoon } from './ReloadSoon';

const RETRY_SECONDS = 5;

/**
 * What a page shows while its database does not answer (restart, overload): a clear "reconnecting"
 * state that tries `back` again by itself, instead of the generic error page. The language comes
 * from the cookie or the browser, since the signed-in person's choice lives in the database.
 */
export async function DatabaseUnavailable({ back }: { back: string }) {
  const t = translatorFor(await getCookieLocale());
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <div role="status" data-testid="reconnecting" className="rounded border-2 border-amber-800 bg-amber-100 px-4 py-3 text-amber-950">
        <h1 className="mb-2 text-2xl font-bold">{t('common.reconnecting')}</h1>
        <p className="text-lg">{t('common.unavailableBody', { seconds: RETRY_SECONDS })}</p>
      </div>
      <p className="mt-6">
        <a href={back} className="inline-flex min-h-11 items-center rounded bg-blue-800 px-4 font-semibold text-white">
          {t('common.retry')}
        </a>
      </p>
      <ReloadSoon href={back} seconds={RETRY_SECONDS} />
    </main>
  );
}
