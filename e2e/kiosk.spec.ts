import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';
import { officerWithRow, roster, upcoming } from './roster-fixtures';

test('an officer scans a code and checks the person in with one more key', async ({ page }) => {
  const { slug, row } = await officerWithRow(page, upcoming(10, (n) => n === 1));
  await page.goto(`/roster/${slug}`);
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
  const after = (await roster(page.request, slug)).appointments.find((a) => a.id === row.id)!;
  expect(after.status).toBe('checked_in');
  await expectAccessible(page);
  // A mistaken tap can be undone from the same place.
  await line.getByRole('button', { name: 'Undo' }).click();
  await expect(line.getByText('Undone. Back to scheduled.')).toBeVisible();
});

test('a party is asked how many members are present', async ({ page }) => {
  const { slug, row } = await officerWithRow(page, upcoming(10, (n) => n >= 2));
  await page.goto(`/roster/${slug}`);
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
  const { slug, row } = await officerWithRow(page, (r, now) => r.status === 'no_show' && !r.noShowRecorded && Date.parse(r.scheduledAt) < now - 2 * 3_600_000);
  await page.goto(`/roster/${slug}`);
  const line = page.locator(`tr[data-appointment="${row.confirmationCode}"]`);
  await expect(line.locator('[data-status="no_show"]')).toHaveText(/No-show/);
  await line.getByRole('button', { name: `Record late arrival of ${row.familyName}, ${row.givenName}` }).click();
  await expect(line.getByText(/after the \d{2}:\d{2} deadline\. Slot forfeited\./)).toBeVisible();
  await expect(line.locator('[data-status="late"]')).toHaveText(/Late, slot forfeited/);
  await expect(line.getByRole('button', { name: /Check in/ })).toHaveCount(0);
});

test('a second kiosk sees a check-in within 5 seconds, and a late tap there shows who won', async ({ page, browser }) => {
  const { slug, row } = await officerWithRow(page, upcoming(10, (n) => n === 1));
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, `officer.${slug}@example.gov`);
  await page.goto(`/roster/${slug}`);
  await second.goto(`/roster/${slug}`);
  // Kiosk one checks the person in.
  await page.locator(`tr[data-appointment="${row.confirmationCode}"]`).getByRole('button', { name: /^Check in/ }).click();
  await expect(page.locator(`tr[data-appointment="${row.confirmationCode}"]`).getByText(/^Checked in \d{2}:\d{2}$/)).toBeVisible();
  // Kiosk two sees it without reloading.
  await expect(second.locator(`tr[data-appointment="${row.confirmationCode}"] [data-status="checked_in"]`)).toBeVisible({ timeout: 5_000 });
  await other.close();
});

test('two kiosks tapping at once: one wins, the other is told who checked the person in', async ({ page, browser }) => {
  const { slug, row } = await officerWithRow(page, upcoming(10, (n) => n === 1));
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, `officer.${slug}@example.gov`);
  await second.goto(`/roster/${slug}`);
  // Freeze kiosk two's view (no refresh) by checking in through the API from kiosk one.
  await page.goto(`/roster/${slug}`);
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`/api/v1/appointments/${row.id}/check-in`, { headers: { Origin: origin }, data: {} });
  expect(response.status()).toBe(200);
  const again = await page.request.post(`/api/v1/appointments/${row.id}/check-in`, { headers: { Origin: origin }, data: {} });
  expect(again.status()).toBe(409);
  const body = await again.json();
  expect(body.error.code).toBe('ALREADY_ARRIVED');
  expect(body.error.appointment.status).toBe('checked_in');
  await other.close();
});

test('an officer cannot reach another port by URL or API', async ({ page }) => {
  await signIn(page, ACCOUNTS.officer);
  const other = await page.goto('/roster/nogales');
  expect(other?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const api = await page.request.get('/api/v1/ports/nogales/roster');
  expect(api.status()).toBe(404);
  const theirs = await roster((await (async () => page.request)()), 'san-ysidro');
  expect(theirs.appointments.length).toBeGreaterThan(0);
});

test('the roster states are accessible: full day, empty day, offline banner, and keyboard help', async ({ page }) => {
  test.setTimeout(150_000); // axe over a full day of rows is slow on two cores
  await signIn(page, ACCOUNTS.officer);
  await page.goto('/roster/san-ysidro');
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
  await page.goto('/roster/san-ysidro?date=2031-01-01');
  await expect(page.getByText('No appointments on this date.')).toBeVisible();
  await expect(page.getByText(/This date is read-only/)).toBeVisible();
  await expectAccessible(page);
});

test('a code for another port says so plainly', async ({ page }) => {
  await signIn(page, ACCOUNTS.supervisor);
  const { appointments } = await roster(page.request, 'nogales');
  const code = appointments[0]!.confirmationCode;
  await page.context().clearCookies();
  await signIn(page, ACCOUNTS.officer);
  const search = page.getByLabel('Scan or type a confirmation code or name');
  await search.fill(code);
  await search.press('Enter');
  await expect(page.getByText(new RegExp(`Code ${code} is for Nogales on`)).first()).toBeVisible();
});
