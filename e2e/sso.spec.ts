/**
 * Single sign-on through a real OpenID Connect provider (scripts/e2e-oidc-provider.mjs, oidc-provider
 * from the registry), in a real browser, on 127.0.0.1 (not localhost) and without AUTH_URL: the
 * email comes from userinfo only, accounts still have to exist and be active here, every refusal is
 * explained (en and es) and audited, and sign-out ends the provider's session too.
 */
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';

const SSO_BUTTON = { en: 'Sign in with Test provider', es: 'Iniciar sesión con Test provider' };

/** The provider's own login page (any password): the login names the account, see the provider script. */
async function signInAtProvider(page: Page, login: string, button = SSO_BUTTON.en) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
  expect(new URL(page.url()).port).toBe(process.env.E2E_OIDC_PORT ?? String(Number(process.env.E2E_PORT ?? 3100) + 50));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

async function refusalReasons(page: Page, actor: string): Promise<string[]> {
  const response = await page.request.get(`/api/v1/admin/audit?action=session.sign_in_refused&actor=${encodeURIComponent(actor)}`);
  expect(response.status()).toBe(200);
  const { events } = (await response.json()) as { events: { action: string; reason: string | null }[] };
  return events.filter((e) => e.action === 'session.sign_in_refused').map((e) => e.reason ?? '');
}

test('an active account signs in through the provider with its role and port; sign-out ends both sessions', async ({ page, context }) => {
  await page.goto('/sign-in');
  await expectAccessible(page);
  await signInAtProvider(page, ACCOUNTS.officer);
  await expect(page).toHaveURL(/\/roster\/san-ysidro$/);
  // Role and port come from Port Roster: the officer's port answers, another port does not exist for them.
  expect((await page.request.get('/api/v1/ports/san-ysidro/roster')).status()).toBe(200);
  expect((await page.request.get('/api/v1/ports/nogales/roster')).status()).toBe(404);
  const appCookies = (await context.cookies()).filter((c) => c.name.includes('authjs'));

  await page.getByRole('button', { name: 'Sign out' }).click();
  // RP-initiated logout: the provider asks, then sends the browser back to our sign-in page.
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed_out$/);
  await expect(page.getByText('You have been signed out.')).toBeVisible();

  // The old session cookie replayed does not get back in.
  await context.addCookies(appCookies);
  expect((await page.request.get('/api/v1/ports')).status()).toBe(401);
  await context.clearCookies({ name: /authjs/ });

  // The provider's session is over too: the next click asks for the login again.
  await page.goto('/sign-in');
  await page.getByRole('button', { name: SSO_BUTTON.en }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
});

test('unknown, unverified and deactivated emails are refused with a clear message (en and es) and an audit event', async ({ page, browser }) => {
  // An account of our own to deactivate, made through the admin API on this server.
  await signIn(page, ACCOUNTS.admin);
  const origin = new URL(page.url()).origin;
  const headers = { Origin: origin, 'Content-Type': 'application/json' };
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const gone = `gone.${id}@test.example`;
  const created = await page.request.post('/api/v1/admin/users', {
    headers,
    data: { email: gone, name: `Gone ${id}`, role: 'supervisor', password: 'first-password-12345' },
  });
  expect(created.status()).toBe(201);
  const { user } = (await created.json()) as { user: { id: string } };
  expect((await page.request.patch(`/api/v1/admin/users/${user.id}`, { headers, data: { active: false } })).status()).toBe(200);

  const unknown = `nobody.${id}@test.example`;
  const refusedText = /it does not exist here or has been deactivated/;
  for (const [login, text] of [
    [unknown, refusedText],
    [`unverified:${ACCOUNTS.supervisor}`, /has not verified this email address/],
    [gone, refusedText],
  ] as const) {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await signInAtProvider(visitor, login);
    await expect(visitor).toHaveURL(/\/sign-in\?error=sso_(refused|unverified)$/);
    await expect(visitor.locator('#sso-error')).toHaveAttribute('role', 'alert');
    await expect(visitor.locator('#sso-error')).toHaveText(text);
    await expect(visitor.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    await expectAccessible(visitor);
    await context.close();
  }

  // The same refusal in Spanish, axe-clean.
  const es = await browser.newContext({ locale: 'es-ES' });
  const visitor = await es.newPage();
  await signInAtProvider(visitor, unknown, SSO_BUTTON.es);
  await expect(visitor.locator('#sso-error')).toHaveText(/no existe aquí o fue desactivada/);
  await expectAccessible(visitor);
  await es.close();

  expect(await refusalReasons(page, unknown)).toEqual(['sso_unknown', 'sso_unknown']);
  expect(await refusalReasons(page, ACCOUNTS.supervisor)).toContain('sso_unverified');
  expect(await refusalReasons(page, gone)).toEqual(['sso_inactive']);
});
