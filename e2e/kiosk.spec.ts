/**
 * The kiosk at a port of the spec's own (e2e/fixtures/world.ts): its officer, its appointments made
 * through the roster import at times relative to now, in a zone where it is near noon, so the
 * tests pass on any day at any hour and never compete with other specs for the demo's rows.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';
import { roster } from './roster-fixtures';
import { appointmentsToday, fixturePort, kioskWorld, officerWithAppointment, type KioskWorld } from './fixtures/world';

let world: KioskWorld;
test.beforeAll(async () => {
  world = await kioskWorld();
});
test.afterAll(async () => world.admin.dispose());

test('an officer scans a code and checks the person in with one more key', async ({ page }) => {
  const row = await officerWithAppointment(page, world, 30);
  await page.goto(`/roster/${world.port.slug}`);
  const search = page.getByLabel('Scan or type a confirmation code or name');
  await expect(search).toBeFocused();
  await search.fill(row.confirmationCode);
  await search.press('Enter');
  const line = page.locator(`tr[data-appointment="${row.confirmationCode}"]`);
  await expect(line.getByText(`Press Enter to check in ${row.familyName}, ${row.givenName}.`)).toBeVisible();
  await expect(line).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(line.getByText(/^Checked in \d{2}:\d{2}$/)).toBeVisible();
  await expect(line.locator('[data-status="checked_in"]')).toBeVisible();
  await expect(search).toBeFocused();
  const after = (await roster(page.request, world.port.slug)).appointments.find((a) => a.id === row.id)!;
  expect(after.status).toBe('checked_in');
  await expectAccessible(page);
  // A mistaken tap can be undone from the same place.
  await line.getByRole('button', { name: 'Undo' }).click();
  await expect(line.getByText('Undone. Back to scheduled.')).toBeVisible();
});

test('a party is asked how many members are present', async ({ page }) => {
  const row = await officerWithAppointment(page, world, 30, 3);
  await page.goto(`/roster/${world.port.slug}`);
  const line = page.locator(`tr[data-appointment="${row.confirmationCode}"]`);
  await line.getByRole('button', { name: `Check in ${row.familyName}, ${row.givenName}` }).click();
  const members = line.getByLabel(`Members present (of ${row.partySize})`);
  await expect(members).toBeFocused();
  await expect(members).toHaveValue(String(row.partySize));
  await line.getByRole('button', { name: 'One fewer' }).click();
  await line.getByRole('button', { name: 'Confirm' }).click();
  await expect(line.getByText(`(${row.partySize - 1} of ${row.partySize} present)`)).toBeVisible();
});

test('a person scheduled hours ago is a no-show untouched, and arriving now is late with the slot forfeited', async ({ page }) => {
  const row = await officerWithAppointment(page, world, -180);
  await page.goto(`/roster/${world.port.slug}`);
  const line = page.locator(`tr[data-appointment="${row.confirmationCode}"]`);
  await expect(line.locator('[data-status="no_show"]')).toHaveText(/No-show/);
  await line.getByRole('button', { name: `Record late arrival of ${row.familyName}, ${row.givenName}` }).click();
  await expect(line.getByText(/after the \d{2}:\d{2} deadline\. Slot forfeited\./)).toBeVisible();
  await expect(line.locator('[data-status="late"]')).toHaveText(/Late, slot forfeited/);
  await expect(line.getByRole('button', { name: /Check in/ })).toHaveCount(0);
});

test('a second kiosk sees a check-in within 5 seconds, and a late tap there shows who won', async ({ page, browser }) => {
  const row = await officerWithAppointment(page, world, 30);
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, world.officer.email, world.officer.password);
  await page.goto(`/roster/${world.port.slug}`);
  await second.goto(`/roster/${world.port.slug}`);
  // Kiosk one checks the person in.
  await page.locator(`tr[data-appointment="${row.confirmationCode}"]`).getByRole('button', { name: /^Check in/ }).click();
  await expect(page.locator(`tr[data-appointment="${row.confirmationCode}"]`).getByText(/^Checked in \d{2}:\d{2}$/)).toBeVisible();
  // Kiosk two sees it without reloading.
  await expect(second.locator(`tr[data-appointment="${row.confirmationCode}"] [data-status="checked_in"]`)).toBeVisible({ timeout: 5_000 });
  await other.close();
});

test('two kiosks tapping at once: one wins, the other is told who checked the person in', async ({ page }) => {
  const row = await officerWithAppointment(page, world, 30);
  await page.goto(`/roster/${world.port.slug}`);
  const taps = await Promise.all(Array.from({ length: 2 }, () => page.request.post(`/api/v1/appointments/${row.id}/check-in`, { headers: { Origin: new URL(page.url()).origin }, data: {} })));
  expect(taps.map((t) => t.status()).sort()).toEqual([200, 409]);
  const lost = taps.find((t) => t.status() === 409)!;
  const body = await lost.json();
  expect(body.error.code).toBe('ALREADY_ARRIVED');
  expect(body.error.appointment.status).toBe('checked_in');
  expect(body.error.message).toMatch(/recorded by/);
});

test('an officer cannot reach another port by URL or API', async ({ page }) => {
  await officerWithAppointment(page, world, 45);
  const other = await page.goto('/roster/nogales');
  expect(other?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const api = await page.request.get('/api/v1/ports/nogales/roster');
  expect(api.status()).toBe(404);
  const theirs = await roster(page.request, world.port.slug);
  expect(theirs.appointments.length).toBeGreaterThan(0);
});

test('the roster states are accessible: full day, empty day, offline banner, and keyboard help', async ({ page }) => {
  test.setTimeout(150_000); // axe over a full day of rows is slow on two cores
  // A busy day: 120 appointments three minutes apart around now.
  await appointmentsToday(world.admin, world.port, Array.from({ length: 120 }, (_, i) => ({ minutesFromNow: -180 + i * 3 })));
  await signIn(page, world.officer.email, world.officer.password);
  await page.goto(`/roster/${world.port.slug}`);
  await expect(page.locator('tbody tr').nth(100)).toBeAttached();
  await expectAccessible(page);
  // Keyboard: "?" opens the help, Escape closes it and the search box has focus again.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Scan or type a confirmation code or name')).toBeFocused();
  // Offline: a persistent banner, never a blank page.
  await page.context().setOffline(true);
  await expect(page.getByText('Offline — retrying…')).toBeVisible();
  await expectAccessible(page);
  await page.context().setOffline(false);
  // An empty day far ahead is read-only and says so in words.
  await page.goto(`/roster/${world.port.slug}?date=2031-01-01`);
  await expect(page.getByText('No appointments on this date.')).toBeVisible();
  await expect(page.getByText(/This date is read-only/)).toBeVisible();
  await expectAccessible(page);
});

test('a code for another port says so plainly', async ({ page }) => {
  const elsewhere = await fixturePort(world.admin, { limit: 5 });
  const [theirs] = await appointmentsToday(world.admin, elsewhere, [{ minutesFromNow: 60 }]);
  await signIn(page, world.officer.email, world.officer.password);
  const search = page.getByLabel('Scan or type a confirmation code or name');
  await search.fill(theirs!.confirmationCode);
  await search.press('Enter');
  await expect(page.getByText(new RegExp(`Code ${theirs!.confirmationCode} is for ${elsewhere.name} on`)).first()).toBeVisible();
});
