import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';
import { DEMO_PORTS } from './roster-fixtures';

test.describe('screens that fit the room', () => {
  test('a supervisor opens the wall view: today’s totals match the API and table and chart fit one 1920×1080 screen', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await signIn(page, ACCOUNTS.supervisor);
    await page.goto('/dashboard');
    await page.getByRole('link', { name: /Open the wall view/ }).click();
    await expect(page).toHaveURL(/\/dashboard\/wall$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Wall view' })).toBeVisible();

    const today = (await (await page.request.get('/api/v1/stats/today')).json()) as { ports: { booked: number; capacity: number; name: string }[] };
    const sum = (key: 'booked' | 'capacity') => today.ports.reduce((n, p) => n + p[key], 0);
    const totals = page.getByRole('region', { name: 'Today across the shown ports' });
    const figure = (label: string) => totals.locator('div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
    await expect(figure('Booked')).toHaveText(new Intl.NumberFormat('en-US').format(sum('booked')));
    await expect(figure('Capacity (slots)')).toHaveText(new Intl.NumberFormat('en-US').format(sum('capacity')));
    for (const p of today.ports) await expect(page.getByRole('rowheader', { name: new RegExp(p.name) })).toBeVisible();

    await expect(page.getByTestId('wall-updated')).toContainText('Updated');
    await expectAccessible(page);

    // For the seven ports of the southern border (other tests add ports to this database), the key
    // figures, the table and the capacity chart are all on the first screen: nothing below the fold.
    await page.goto(`/dashboard/wall?${new URLSearchParams(DEMO_PORTS.map((slug) => ['port', slug]))}`);
    await expect(page.getByRole('rowheader')).toHaveCount(DEMO_PORTS.length);
    const chart = page.getByRole('region', { name: 'Today per port: slot limit, booked and arrived' });
    const box = await chart.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(1080);
  });

  test('the header keeps one row at 1,280 px for an admin, in English and Spanish', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, ACCOUNTS.admin);
    const nav = page.locator('header nav');
    const oneRow = async () => {
      await expect(nav.getByRole('link').first()).toBeVisible();
      const links = await nav.getByRole('link').all();
      expect(links.length).toBeGreaterThanOrEqual(5);
      const tops = new Set(await Promise.all(links.map(async (l) => Math.round((await l.boundingBox())!.y))));
      expect(tops.size).toBe(1);
    };
    await oneRow();
    // The roster import is one of the administration sections now, not a seventh header entry.
    await expect(page.getByRole('link', { name: 'Import roster' })).toBeVisible();
    await page.getByRole('button', { name: /Language: Español/ }).click();
    try {
      await expect(page.getByRole('button', { name: /Idioma: English/ })).toBeVisible();
      await oneRow();
    } finally {
      await page.getByRole('button', { name: /Idioma: English/ }).click();
      await expect(page.getByRole('button', { name: /Language: Español/ })).toBeVisible();
    }
  });
});
