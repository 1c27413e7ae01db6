/**
 * Issue 15, pages under a stalled database: the path to PostgreSQL hangs (no statement timeout can
 * fire). A page request gets the API's deadline and shows the bilingual "reconnecting" page with
 * Retry-After within 5 s, instead of hanging for the whole stall, and comes back by itself.
 */
import { expect, test } from '@playwright/test';
import { AppInstance, databaseUrl, postgresAddress } from './support/app-instance';
import { portWithOfficer } from './support/fault-fixtures';
import { FIRST_PORT, faultDatabase, signedInPage } from './support/fault-harness';
import { TcpProxy } from './support/tcp-proxy';

const db = faultDatabase('pages');

test('a stalled database: pages answer "reconnecting" with Retry-After within 5 s, in English and Spanish, and recover by themselves', async ({ browser }) => {
  test.setTimeout(90_000);
  const proxy = new TcpProxy(postgresAddress());
  await proxy.start();
  const app = await AppInstance.start(FIRST_PORT + 1, {
    DATABASE_URL: databaseUrl(db.name, { host: '127.0.0.1', port: proxy.port }),
    DB_POOL_MAX: '4',
    DB_CONNECT_TIMEOUT_S: '1',
    REQUEST_TIMEOUT_MS: '3000',
  });
  const FAIL_FAST_MS = 5_000;
  const context = await browser.newContext({ baseURL: app.baseURL });
  try {
    const fx = await portWithOfficer(db.sql, 'fault-pages', '9105');
    const page = await context.newPage();
    await signedInPage(page, fx);
    const roster = `/roster/${fx.slug}`;
    await page.goto(roster);
    await expect(page).toHaveURL(new RegExp(`${roster}$`));

    proxy.stall();
    const figures: Record<string, number> = {};
    for (const locale of ['en', 'es'] as const) {
      await context.addCookies([{ name: 'pr_locale', value: locale, url: app.baseURL }]);
      const started = Date.now();
      const response = await page.goto(roster);
      figures[`${locale}Ms`] = Date.now() - started;
      expect(new URL(page.url()).pathname).toBe('/unavailable');
      expect(response?.headers()['retry-after']).toBe('5');
      await expect(page.getByTestId('reconnecting')).toContainText(locale === 'en' ? 'Reconnecting to the server' : 'Reconectando con el servidor');
      expect(figures[`${locale}Ms`]).toBeLessThan(FAIL_FAST_MS);
    }

    await proxy.up();
    const upAt = Date.now();
    // Nobody touches the page: it tries again by itself and lands back on the roster.
    await expect(page).toHaveURL(new RegExp(`${roster}$`), { timeout: 20_000 });
    figures.recoveryMs = Date.now() - upAt;
    expect(app.alive).toBe(true);
    console.log(JSON.stringify({ pagesUnderStall: figures }));
  } finally {
    await context.close();
    await app.kill();
    proxy.close();
    await test.info().attach('server stderr', { body: app.log.join(''), contentType: 'text/plain' });
  }
});
