import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';
import { addDays, adminApi, fixturePort } from './fixtures/world';

const HEADER = 'port,confirmation_code,scheduled_at,party_size,family_name,given_name,date_of_birth,nationality,language,document_number';

function code(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

test('an admin uploads a roster: a bad file shows the row report and imports nothing, a good one imports', async ({ page }) => {
  // A port of the test's own with room tomorrow and the day after (its zone is near noon, so 18:00 UTC is that local date).
  const admin = await adminApi();
  const port = await fixturePort(admin, { limit: 5, daysAhead: 2 });
  await admin.dispose();
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole('link', { name: 'Import roster' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import a roster' })).toBeVisible();
  await expectAccessible(page);

  // Names are letters only: digits of the random code become letters.
  const family = `Uploadtest${code().replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!)}`;
  const d1 = addDays(port.today, 1);
  const d2 = addDays(port.today, 2);
  const good = (c: string, date: string) => `${port.slug},${c},${date}T18:00:00Z,1,${family},"Ana, María",1990-05-05,GT,es,`;
  const bad = [HEADER, good(code(), d1), `atlantis,${code()},${d1}T18:00:00Z,1,X,Y,1990-02-30,GT,es,`].join('\r\n');
  await page.getByLabel('Roster file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Upload and import' }).click();
  await expect(page.getByText('Nothing was imported.')).toBeVisible();
  const report = page.getByRole('table');
  await expect(report.getByRole('row', { name: /3 port unknown port "atlantis"/ })).toBeVisible();
  await expect(report.getByRole('row', { name: /3 date_of_birth "1990-02-30" is not a real date/ })).toBeVisible();
  await expectAccessible(page);

  // The same person on two dates: imported, and flagged for review.
  const okFile = [HEADER, good(code(), d1), good(code(), d2)].join('\r\n');
  await page.getByLabel('Roster file').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + okFile) });
  await page.getByRole('button', { name: 'Upload and import' }).click();
  await expect(page.getByText('Imported 2 appointments; 0 were already up to date.')).toBeVisible();
  await page.getByRole('button', { name: 'Upload and import' }).click();
  await expect(page.getByText('Imported 0 appointments; 2 were already up to date.')).toBeVisible();

  await page.getByRole('link', { name: 'Review queue' }).click();
  const item = page.getByRole('listitem').filter({ hasText: 'Flagged appointment' }).filter({ hasText: family }).first();
  await expect(item.getByRole('heading', { name: 'Same person, several ports or dates' })).toBeVisible();
  await expectAccessible(page);
  await item.getByLabel('Dismiss').check();
  await item.getByRole('button', { name: 'Save decision' }).click();
  await expect(item.getByText(/Reason: .*at least 3 characters/)).toBeVisible();
  await item.getByLabel('Reason').fill('Checked with upstream: one family, rebooked');
  await item.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByText('Decision saved.')).toBeVisible();
});

test('a supervisor sees the review queue and it passes axe', async ({ page }) => {
  await signIn(page, ACCOUNTS.supervisor);
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  await expectAccessible(page);
});
