import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';

test('the API reference opens from the intake-keys page, renders the document offline and passes axe', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
  });
  await signIn(page, ACCOUNTS.admin);
  await page.goto('/admin/intake-keys');
  await page.getByRole('link', { name: 'API reference for integrators (OpenAPI)' }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.getByRole('heading', { name: 'Port Roster API', level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('link', { name: 'intake', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ask AI' })).toHaveCount(0);
  await expectAccessible(page);
  expect(outside).toEqual([]);
});

