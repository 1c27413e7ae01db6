import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';

// The zero-setup path: the app on embedded PGlite with its demo data.
test('the embedded database serves the demo: an officer signs in and sees today’s roster', async ({ page }) => {
  await signIn(page, ACCOUNTS.officer);
  await expect(page).toHaveURL(/\/roster\/san-ysidro/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('San Ysidro');
  await expect(page.locator('tbody tr').first()).toBeVisible();
  expect(await page.locator('tbody tr').count()).toBeGreaterThan(20);
  await expectAccessible(page);
});
