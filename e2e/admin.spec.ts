import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';
import { addDays, adminApi, fixturePort } from './fixtures/world';

const ADMIN_PAGES = ['/admin', '/admin/capacity', '/admin/ports', '/admin/outcome-codes', '/admin/users', '/admin/intake-keys'];
const uid = () => Math.random().toString(36).slice(2, 8);

/** Cookie-authenticated mutations must show they come from the app itself. */
function api(page: Page): { request: APIRequestContext; headers: Record<string, string> } {
  const origin = new URL(page.url()).origin;
  return { request: page.request, headers: { Origin: origin, 'Content-Type': 'application/json' } };
}

/** A port of our own (with no slots until we grant some), so demo ports other specs use stay untouched. */
async function createOwnPort() {
  const admin = await adminApi();
  try {
    return await fixturePort(admin, { limit: 0 });
  } finally {
    await admin.dispose();
  }
}

/** Every admin endpoint from the published contract (the audit trail, open to supervisors, is another issue's). */
async function adminEndpoints(request: APIRequestContext) {
  const doc = (await (await request.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  const filled = (path: string) =>
    path.replace('{slug}', 'san-ysidro').replace('{date}', '2030-01-07').replace('{id}', '00000000-0000-4000-8000-000000000000').replace('{code}', 'other');
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/admin/') && !path.startsWith('/api/v1/admin/audit'))
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path: filled(path) })));
}

test('officers and supervisors get 403 from every admin endpoint and are sent away from every admin page', async ({ browser }) => {
  test.setTimeout(150_000); // three callers walk every admin endpoint and page: long on two loaded cores
  const anonymous = await browser.newContext();
  const endpoints = await adminEndpoints(anonymous.request);
  expect(endpoints.length).toBeGreaterThanOrEqual(18);
  for (const { method, path } of endpoints) {
    const response = await anonymous.request.fetch(path, { method, data: method === 'GET' ? undefined : {}, headers: { 'Content-Type': 'application/json' } });
    expect([401, 403], `${method} ${path} anonymous`).toContain(response.status());
  }
  await anonymous.close();

  for (const email of [ACCOUNTS.officer, ACCOUNTS.supervisor]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    const { request, headers } = api(page);
    for (const { method, path } of endpoints) {
      const response = await request.fetch(path, { method, headers, data: method === 'GET' ? undefined : {} });
      expect(response.status(), `${method} ${path} as ${email}`).toBe(403);
      expect((await response.json()).error.code).toBe('FORBIDDEN');
    }
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page, `${path} as ${email}`).not.toHaveURL(/\/admin/);
      await expect(page).not.toHaveURL(/\/sign-in/);
    }
    await context.close();
  }
});

test('every admin page is accessible', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await expect(page).toHaveURL(/\/admin$/);
  const titles = ['Administration', 'Slot limits', 'Ports', 'Outcome codes', 'Users', 'Intake keys', 'Choose a new password'];
  for (const [i, path] of [...ADMIN_PAGES, '/account/password'].entries()) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[i]!);
    await expectAccessible(page);
  }
});

test('an admin sets a weekday limit and a closure and sees both; exceeding the cap names the numbers', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  const port = await createOwnPort();
  const { request, headers } = api(page);
  const calendar = await (await request.get(`/api/v1/admin/capacity`)).json();
  const busiest = Math.max(...calendar.national.map((d: { limit: number }) => d.limit));
  const cap = busiest + 20;
  expect((await request.put('/api/v1/admin/national-cap', { headers, data: { dailyCap: cap } })).status()).toBe(200);

  await page.goto(`/admin/capacity?port=${port.slug}`);
  const weekdays = page.getByRole('region', { name: 'Weekday defaults' });
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) await weekdays.getByLabel(day).fill('5');
  await weekdays.getByRole('button', { name: 'Save weekday defaults' }).click();
  await expect(weekdays.getByText('Saved.')).toBeVisible();

  const closed = addDays(port.today, 3);
  const single = page.getByRole('region', { name: 'One date: override or closure' });
  await single.getByLabel('Date', { exact: true }).fill(closed);
  await single.getByLabel('Limit for that date').fill('0');
  await single.getByRole('button', { name: 'Set the limit for this date' }).click();
  await expect(single.getByText(`Close ${port.name} on ${closed}? 5 slots become 0; 0 already booked.`)).toBeVisible();
  await single.getByRole('button', { name: 'Confirm' }).click();
  await expect(single.getByText('Saved.')).toBeVisible();

  const open = addDays(port.today, 4);
  await expect(page.locator(`[data-cell="${port.slug}/${closed}"]`)).toContainText('Limit 0');
  await expect(page.locator(`[data-cell="${port.slug}/${closed}"]`)).toContainText('Closed');
  await expect(page.locator(`[data-cell="${port.slug}/${open}"]`)).toContainText('Limit 5');
  await expect(page.locator(`[data-cell="${port.slug}/${open}"]`)).not.toContainText('Override');

  // One date raised far beyond what the cap leaves: refused with the date and the numbers.
  const raised = addDays(port.today, 5);
  const before = (await (await request.get(`/api/v1/admin/capacity?from=${raised}&to=${raised}`)).json()).national[0].limit as number;
  const total = before - 5 + 100;
  await single.getByLabel('Date', { exact: true }).fill(raised);
  await single.getByLabel('Limit for that date').fill('100');
  await single.getByRole('button', { name: 'Set the limit for this date' }).click();
  const fmt = (n: number) => n.toLocaleString('en-US');
  const alert = single.getByRole('alert');
  await expect(alert).toContainText(`On ${raised} the ports would total ${fmt(total)} slots, ${fmt(total - cap)} over the national cap of ${fmt(cap)}`);
  await expect(page.locator(`[data-cell="${port.slug}/${raised}"]`)).toContainText('Limit 5');
  await expectAccessible(page);
});

test('a new officer must change the first password, and deactivation signs them out on their next click', async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.admin);
  const port = await createOwnPort();
  const { request, headers } = api(page);
  const email = `officer.${uid()}@test.example`;
  const first = 'first-password-12345';
  const created = await request.post('/api/v1/admin/users', { headers, data: { email, name: `Officer ${uid()}`, role: 'officer', portSlug: port.slug, password: first } });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body.user).toMatchObject({ email, mustChangePassword: true, portSlug: port.slug });
  expect(JSON.stringify(body)).not.toContain('argon2');

  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signIn(officer, email, first);
  await expect(officer).toHaveURL(/\/account\/password$/);
  await officer.getByLabel('Current password').fill(first);
  await officer.getByLabel('New password', { exact: true }).fill('my-own-password-678');
  await officer.getByLabel('New password again').fill('my-own-password-678');
  await officer.getByRole('button', { name: 'Change password' }).click();
  await expect(officer).toHaveURL(new RegExp(`/roster/${port.slug}$`));

  await page.goto('/admin/users');
  const row = page.locator(`tr[data-user="${email}"]`);
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row.getByText(/They are signed out at their next click \(1 open sessions end\)/)).toBeVisible();
  await row.getByRole('button', { name: 'Confirm' }).click();
  await expect(row.getByText('Deactivated')).toBeVisible();

  await officer.getByRole('link', { name: 'Port Roster' }).click();
  await expect(officer).toHaveURL(/\/sign-in\?reason=inactive/);
  await officerContext.close();
});

test('ports, outcome codes and intake keys are managed from their pages', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  const port = await createOwnPort();

  await page.goto('/admin/ports');
  const row = page.locator(`tr[data-port="${port.slug}"]`);
  await row.getByRole('button', { name: 'Suspend' }).click();
  await row.getByRole('button', { name: 'Confirm' }).click();
  await expect(row.getByText('Suspended')).toBeVisible();
  const listed = await (await page.request.get('/api/v1/ports')).json();
  expect(listed.ports.find((p: { slug: string }) => p.slug === port.slug).active).toBe(false);
  await row.getByRole('button', { name: 'Reactivate' }).click();
  await expect(row.getByText('Active')).toBeVisible();

  // Add form: errors next to fields and summarised at the top.
  const add = page.getByRole('region', { name: 'Add a port' });
  await add.getByRole('button', { name: 'Add port' }).click();
  await expect(add.getByRole('alert')).toContainText('Please correct the following');
  await expect(add.getByText('Required.').first()).toBeVisible();

  await page.goto('/admin/outcome-codes');
  const code = `e2e_${uid()}`;
  const form = page.getByRole('region', { name: 'Add an outcome code' });
  await form.getByLabel('Code', { exact: true }).fill(code);
  await form.getByLabel('Label in English').fill('Test outcome');
  await form.getByLabel('Label in Spanish').fill('Resultado de prueba');
  await form.getByRole('button', { name: 'Add code' }).click();
  const codeRow = page.locator(`tr[data-code="${code}"]`);
  await expect(codeRow).toContainText('Test outcome');
  await codeRow.getByRole('button', { name: 'Retire' }).click();
  await codeRow.getByRole('button', { name: 'Confirm' }).click();
  await expect(codeRow.getByText('Retired')).toBeVisible();
  const inUse = await page.request.delete('/api/v1/admin/outcome-codes/nta_parole', { headers: { Origin: new URL(page.url()).origin } });
  // The demo history has recorded this outcome many times.
  expect(inUse.status()).toBe(409);
  expect((await inUse.json()).error.code).toBe('IN_USE');

  await page.goto('/admin/intake-keys');
  const name = `Upstream ${uid()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('new-intake-key')).toHaveText(/^prk_/);
  const keyRow = page.locator(`tr[data-key="${name}"]`);
  await keyRow.getByRole('button', { name: 'Revoke' }).click();
  await keyRow.getByRole('button', { name: 'Confirm' }).click();
  await expect(keyRow.getByText(/Revoked/)).toBeVisible();
});
