import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers';
import { officerWithRow, upcoming } from './roster-fixtures';

// Two `next start` instances on one PostgreSQL database: nothing shared may live in process memory.
const SECOND = `http://127.0.0.1:${Number(process.env.E2E_SECOND_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2)}`;

test('a check-in on one instance is visible on the other within 5 seconds', async ({ page, browser }) => {
  const { slug, row } = await officerWithRow(page, upcoming(10, (n) => n === 1));
  const other = await browser.newContext({ baseURL: SECOND });
  const second = await other.newPage();
  await signIn(second, `officer.${slug}@example.gov`);
  await second.goto(`/roster/${slug}`);
  await page.goto(`/roster/${slug}`);
  await page.locator(`tr[data-appointment="${row.confirmationCode}"]`).getByRole('button', { name: /^Check in/ }).click();
  await expect(page.locator(`tr[data-appointment="${row.confirmationCode}"] [data-status="checked_in"]`)).toBeVisible();
  await expect(second.locator(`tr[data-appointment="${row.confirmationCode}"] [data-status="checked_in"]`)).toBeVisible({ timeout: 5_000 });
  await other.close();
});

test('an idempotent check-in replayed on the other instance returns the stored answer', async ({ page, request }) => {
  const { row } = await officerWithRow(page, upcoming(10, (n) => n === 1));
  const key = `scale-out-${Date.now()}`;
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const first = await page.request.post(`/api/v1/appointments/${row.id}/check-in`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { idempotencyKey: key },
  });
  expect(first.status()).toBe(200);
  const replay = await request.post(`${SECOND}/api/v1/appointments/${row.id}/check-in`, {
    headers: { Origin: SECOND, Cookie: cookies },
    data: { idempotencyKey: key },
  });
  expect(replay.status()).toBe(200);
  expect(await replay.json()).toEqual(await first.json());
});

test('sign-in throttling counts failures from both instances', async ({ page }) => {
  const email = `scale-out-${Date.now()}@example.gov`;
  for (const base of [SECOND, SECOND, SECOND]) {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('The email or password is not correct.')).toBeVisible();
  }
  for (let i = 0; i < 2; i++) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('The email or password is not correct.')).toBeVisible();
  }
  await page.goto(`${SECOND}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Too many failed attempts/)).toBeVisible();
});
