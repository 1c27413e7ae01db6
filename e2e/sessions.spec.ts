/**
 * Sessions end when they should and cross-site requests cannot be talked through, tried over HTTP
 * against the running app with real cookies. Each test makes its own accounts through the admin API.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ACCOUNTS, signIn } from './helpers';

const uid = () => Math.random().toString(36).slice(2, 8);
const EVIL = 'http://evil.example';

const origin = (page: Page) => new URL(page.url()).origin;
const json = (page: Page) => ({ Origin: origin(page), 'Content-Type': 'application/json' });

/** An admin page, and a fresh supervisor account (temporary password already replaced unless asked). */
async function newAccount(admin: Page, opts: { keepTemporary?: boolean } = {}) {
  const email = `supervisor.${uid()}@test.example`;
  const temporary = `temporary-password-${uid()}`;
  const created = await admin.request.post('/api/v1/admin/users', { headers: json(admin), data: { email, name: `Supervisor ${uid()}`, role: 'supervisor', password: temporary } });
  expect(created.status()).toBe(201);
  const { user } = (await created.json()) as { user: { id: string } };
  let password = temporary;
  if (!opts.keepTemporary) {
    const ctx = await admin.context().browser()!.newContext();
    const p = await ctx.newPage();
    await signIn(p, email, temporary);
    password = `own-password-${uid()}-xyz`;
    const changed = await p.request.post('/api/v1/account/password', { headers: json(p), data: { currentPassword: temporary, newPassword: password } });
    expect(changed.status()).toBe(200);
    await ctx.close();
  }
  return { id: user.id, email, password };
}

async function session(browser: Browser, email: string, password: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, email, password);
  return { ctx, page };
}

/** The same cookies replayed from a context that never signed out. */
async function replay(browser: Browser, cookies: Awaited<ReturnType<BrowserContext['cookies']>>, path = '/api/v1/ports') {
  const ctx = await browser.newContext();
  await ctx.addCookies(cookies);
  const status = (await ctx.request.get(`${test.info().project.use.baseURL}${path}`)).status();
  await ctx.close();
  return status;
}

test.describe('sessions end when they should', () => {
  test('a temporary password opens nothing but its own change and the keep-alive (403 PASSWORD_CHANGE_REQUIRED)', async ({ page, browser }) => {
    await signIn(page, ACCOUNTS.admin);
    const account = await newAccount(page, { keepTemporary: true });
    const { ctx, page: p } = await session(browser, account.email, account.password);
    await expect(p).toHaveURL(/\/account\/password$/);
    for (const path of ['/api/v1/ports', '/api/v1/stats/daily?from=2026-01-01&to=2026-01-02']) {
      const r = await p.request.get(path);
      expect(r.status()).toBe(403);
      expect((await r.json()).error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    expect((await p.request.post('/api/v1/session/keepalive', { headers: json(p) })).status()).toBe(200);
    const newPassword = `own-password-${uid()}-abc`;
    expect((await p.request.post('/api/v1/account/password', { headers: json(p), data: { currentPassword: account.password, newPassword } })).status()).toBe(200);
    expect((await p.request.get('/api/v1/ports')).status()).toBe(200);
    await ctx.close();
  });

  test('a cookie saved before sign-out answers 401 after it, through Auth.js\u2019s own POST /api/auth/signout too, audited like the app\u2019s', async ({ page, browser }) => {
    await signIn(page, ACCOUNTS.admin);
    const account = await newAccount(page);
    const { ctx, page: p } = await session(browser, account.email, account.password);
    const saved = await ctx.cookies();
    expect(await replay(browser, saved)).toBe(200);
    const { csrfToken } = (await (await p.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const out = await p.request.post('/api/auth/signout', { headers: { Origin: origin(p) }, form: { csrfToken, callbackUrl: '/sign-in' }, maxRedirects: 0 });
    expect(out.status()).toBeLessThan(400);
    expect(await replay(browser, saved)).toBe(401);
    await ctx.close();
    const audit = await page.request.get(`/api/v1/admin/audit?action=session.signed_out&actor=${encodeURIComponent(account.email)}`);
    expect(audit.status()).toBe(200);
    const { events } = (await audit.json()) as { events: Array<{ action: string }> };
    expect(events.filter((e) => e.action === 'session.signed_out').length).toBeGreaterThanOrEqual(1);
  });

  test('the app\u2019s sign-out button ends the session the saved cookie names', async ({ page, browser }) => {
    await signIn(page, ACCOUNTS.admin);
    const account = await newAccount(page);
    const { ctx, page: p } = await session(browser, account.email, account.password);
    const saved = await ctx.cookies();
    await p.getByRole('button', { name: 'Sign out' }).click();
    await expect(p).toHaveURL(/\/sign-in\?reason=signed_out/);
    expect(await replay(browser, saved)).toBe(401);
    await ctx.close();
  });

  test('changing one\u2019s own password ends one\u2019s other sessions and keeps this one', async ({ page, browser }) => {
    await signIn(page, ACCOUNTS.admin);
    const account = await newAccount(page);
    const here = await session(browser, account.email, account.password);
    const elsewhere = await session(browser, account.email, account.password);
    const changed = await here.page.request.post('/api/v1/account/password', { headers: json(here.page), data: { currentPassword: account.password, newPassword: `next-password-${uid()}-q` } });
    expect(changed.status()).toBe(200);
    expect((await here.page.request.get('/api/v1/ports')).status()).toBe(200);
    expect((await elsewhere.page.request.get('/api/v1/ports')).status()).toBe(401);
    await here.ctx.close();
    await elsewhere.ctx.close();
  });

  test('deactivation ends sessions for good: reactivation signs nobody back in; an admin reset ends them too', async ({ page, browser }) => {
    await signIn(page, ACCOUNTS.admin);
    const account = await newAccount(page);
    const first = await session(browser, account.email, account.password);
    const saved = await first.ctx.cookies();
    const patch = (data: unknown) => page.request.patch(`/api/v1/admin/users/${account.id}`, { headers: json(page), data });
    expect((await patch({ active: false })).status()).toBe(200);
    expect((await patch({ active: true })).status()).toBe(200);
    expect(await replay(browser, saved)).toBe(401);
    const second = await session(browser, account.email, account.password);
    expect((await second.page.request.get('/api/v1/ports')).status()).toBe(200);
    expect((await patch({ password: `reset-password-${uid()}-r` })).status()).toBe(200);
    expect((await second.page.request.get('/api/v1/ports')).status()).toBe(401);
    await first.ctx.close();
    await second.ctx.close();
  });
});

test.describe('cross-site requests', () => {
  test('a cookie-authenticated mutation with a foreign Origin and a junk Bearer is refused (403)', async ({ page }) => {
    await signIn(page, ACCOUNTS.supervisor);
    const variants: Array<Record<string, string>> = [
      { Origin: EVIL, Authorization: 'Bearer xxx', 'Content-Type': 'application/json' },
      { Origin: EVIL, 'Content-Type': 'application/json' },
      { Origin: origin(page).replace('http:', 'https:'), 'Content-Type': 'application/json' },
      { Origin: `${origin(page)}.evil.example`, 'Content-Type': 'application/json' },
      { 'Content-Type': 'application/json' },
      { Referer: `${EVIL}/page`, 'Content-Type': 'application/json' },
    ];
    for (const headers of variants) {
      const r = await page.request.post('/api/v1/appointments/00000000-0000-4000-8000-000000000000/check-in', { headers, data: {} });
      expect(r.status(), JSON.stringify(headers)).toBe(403);
      expect((await r.json()).error.code).toBe('FORBIDDEN');
    }
    // The same request from the app itself gets past the check (and finds no such appointment).
    const own = await page.request.post('/api/v1/appointments/00000000-0000-4000-8000-000000000000/check-in', { headers: json(page), data: {} });
    expect(own.status()).toBe(404);
  });

  test('a missing or junk intake key is 401, before any origin question', async ({ request }) => {
    const variants: Array<Record<string, string>> = [{ Origin: EVIL }, { Origin: EVIL, Authorization: 'Bearer junk' }, {}];
    for (const headers of variants) {
      const r = await request.post('/api/v1/intake/bookings', { headers: { ...headers, 'Idempotency-Key': uid(), 'Content-Type': 'application/json' }, data: {} });
      expect(r.status(), JSON.stringify(headers)).toBe(401);
      expect((await r.json()).error.code).toBe('UNAUTHENTICATED');
    }
  });

  test('a server action from another site, or without any origin proof, is 403 in the error shape, never 500', async ({ page }) => {
    await page.goto('/sign-in');
    const variants: Array<Record<string, string>> = [{ Origin: EVIL }, {}, { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' }];
    for (const headers of variants) {
      const r = await page.request.post('/sign-in', { headers: { ...headers, 'Next-Action': 'a'.repeat(42), 'Content-Type': 'text/plain;charset=UTF-8' }, data: '[]' });
      expect(r.status(), JSON.stringify(headers)).toBe(403);
      expect(await r.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'Cross-site request refused.' } });
    }
  });

  test('the language switch never leads outside the app, whatever its back field says', async ({ page }) => {
    await page.goto('/sign-in');
    for (const back of ['/.//evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/', '/%2F%2Fevil.example']) {
      await page.goto('/sign-in');
      await page.locator('input[name="back"]').first().evaluate((el, v) => ((el as HTMLInputElement).value = v), back);
      await page.locator('form:has(input[name="back"]) button[type="submit"]').first().click();
      await page.waitForLoadState();
      expect(new URL(page.url()).host, back).toBe(new URL(test.info().project.use.baseURL!).host);
    }
  });
});
