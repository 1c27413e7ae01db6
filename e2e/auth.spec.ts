import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, expectAccessible, signIn } from './helpers';

test('the sign-in page is accessible and explains a wrong password without revealing accounts', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
  await page.getByLabel('Email').fill(ACCOUNTS.supervisor);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const message = page.getByText('The email or password is not correct.');
  await expect(message).toBeVisible();
  await page.getByLabel('Email').fill('nobody@example.gov');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(message).toBeVisible();
  await expectAccessible(page);
});

test('each role lands on its start page', async ({ browser }) => {
  for (const [email, path] of [
    [ACCOUNTS.officer, /\/roster\/san-ysidro$/],
    [ACCOUNTS.supervisor, /\/dashboard/],
    [ACCOUNTS.admin, /\/admin$/],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await expect(page).toHaveURL(path);
    await expectAccessible(page);
    await context.close();
  }
});

test('sign-out ends the session: the old cookie no longer works', async ({ page, context }) => {
  await signIn(page, ACCOUNTS.supervisor);
  const cookies = await context.cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed_out/);
  await expect(page.getByText('You have been signed out.')).toBeVisible();
  // Replaying the old session cookie must not get back in.
  await context.addCookies(cookies);
  const response = await page.request.get('/api/v1/ports');
  expect(response.status()).toBe(401);
});

// An address of its own, so no other test's demo account is locked for 15 minutes.
// (That the right password is refused too while throttled is proven in lib/auth/sign-in.db.test.ts.)
test('five failures throttle the account with a clear message', async ({ page }) => {
  // An address of its own (TRUST_PROXY_HOPS=0 reads the last X-Forwarded-For entry), so the failures
  // do not count against 127.0.0.1, which every other test signs in from.
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `198.51.100.${Date.now() % 250}` });
  const email = `throttle-${Date.now()}@example.gov`;
  for (let i = 0; i < 5; i++) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('The email or password is not correct.')).toBeVisible();
  }
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Too many failed attempts from here or for this account\. Wait a moment and try again: the wait grows with each failure, to at most 5 minutes\./)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an idle kiosk warns, can be kept with one key, and then signs out', async ({ page }) => {
  await page.clock.install();
  await signIn(page, ACCOUNTS.supervisor);
  await page.goto('/ports');
  // The guard starts its timer once the page has hydrated; fast-forwarding earlier would race it.
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(500);
  await page.clock.fastForward('14:05');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Are you still there?');
  await expectAccessible(page);
  await page.keyboard.press('Shift');
  await expect(dialog).toBeHidden();
  await page.clock.fastForward('15:30');
  await expect(page).toHaveURL(/\/sign-in\?reason=idle/, { timeout: 15_000 });
});

test('the language switch turns every word to Spanish and is remembered', async ({ page }) => {
  await signIn(page, ACCOUNTS.supervisor);
  await page.goto('/ports');
  await page.getByRole('button', { name: /Language: Español/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Puertos');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
  // The window title, announced first by screen readers, follows the language too.
  await expect(page).toHaveTitle('Puertos · Port Roster');
  await page.goto('/dashboard');
  await expect(page).toHaveTitle('Panel · Port Roster');
  await page.goto('/ports');
  await expectAccessible(page);
  await page.getByRole('button', { name: /Idioma: English/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ports');
  await expect(page).toHaveTitle('Ports · Port Roster');
});

test('the reconnecting page (shown while the database is away) is accessible, in Spanish too, and only leads back inside the app', async ({ page, browser }) => {
  // The page tries its way back by itself after 5 seconds: each visit is checked well within that.
  await page.goto('/unavailable?back=/ports');
  await expectAccessible(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reconnecting to the server…');
  await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/ports');

  const spanish = await browser.newContext({ locale: 'es-MX' });
  const es = await spanish.newPage();
  await es.goto('/unavailable?back=https://evil.example/');
  await expectAccessible(es);
  await expect(es.getByRole('heading', { level: 1 })).toHaveText('Reconectando con el servidor…');
  await expect(es).toHaveTitle('Reconectando con el servidor… · Port Roster');
  const back = await es.getByRole('link', { name: 'Reintentar' }).getAttribute('href');
  expect(back).toMatch(/^\/(?!\/)/);
  expect(back).not.toContain('evil.example');
  await spanish.close();
});
