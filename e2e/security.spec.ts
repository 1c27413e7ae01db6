import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, signIn } from './helpers';

test('a forged or tampered session token changes nothing', async ({ page, context }) => {
  await signIn(page, ACCOUNTS.supervisor);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.includes('session-token'))!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe('Lax');
  // Flip characters in the middle of the encrypted token.
  const middle = Math.floor(session.value.length / 2);
  const tampered = session.value.slice(0, middle) + (session.value[middle] === 'A' ? 'B' : 'A') + session.value.slice(middle + 1);
  await context.clearCookies();
  await context.addCookies([{ ...session, value: tampered }]);
  expect((await page.request.get('/api/v1/ports')).status()).toBe(401);
  await page.goto('/ports');
  await expect(page).toHaveURL(/\/sign-in/);
  await context.clearCookies();
  await context.addCookies([{ ...session, value: 'eyJhbGciOiJub25lIn0.eyJzaWQiOiJ4In0.' }]);
  expect((await page.request.get('/api/v1/ports')).status()).toBe(401);
});

test('the x-middleware-subrequest header does not bypass anything', async ({ request }) => {
  const headers = { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware' };
  expect((await request.get('/api/v1/ports', { headers })).status()).toBe(401);
  const page = await request.get('/ports', { headers, maxRedirects: 0 });
  expect([302, 303, 307]).toContain(page.status());
  expect(page.headers()['location']).toContain('/sign-in');
});

test('personal data is never cacheable', async ({ page }) => {
  await signIn(page, ACCOUNTS.officer);
  const api = await page.request.get('/api/v1/ports/san-ysidro/roster');
  expect(api.headers()['cache-control']).toContain('no-store');
  const html = await page.request.get('/roster/san-ysidro');
  expect(html.headers()['cache-control']).toMatch(/no-store|no-cache/);
});

test('behind TLS the session cookie is Secure, HttpOnly and SameSite, and never readable by scripts', async ({ playwright, baseURL }) => {
  // A TLS-terminating load balancer tells the app the original scheme.
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-Proto': 'https' } });
  const setCookies = (r: { headersArray(): { name: string; value: string }[] }) =>
    r.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
  const csrf = await api.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = setCookies(csrf).map((c) => c.split(';')[0]).join('; ');
  const response = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: ACCOUNTS.supervisor, password: DEMO_PASSWORD, callbackUrl: '/' },
    headers: { Cookie: jar, Origin: baseURL! },
    maxRedirects: 0,
  });
  const session = setCookies(response).find((c) => c.includes('session-token='));
  expect(session, 'a session cookie is set').toBeTruthy();
  expect(session).toMatch(/^__Secure-authjs\.session-token=/);
  expect(session).toMatch(/;\s*Secure/i);
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
  await api.dispose();
});
