import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';

interface DailyRow {
  date: string;
  port: string;
  capacity: number;
  booked: number;
  checkedIn: number;
  late: number;
  noShow: number;
  processed: number;
  cancelled: number;
  outcomes: Record<string, number>;
}

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r\n/)
    .map((line) => line.split(','));
}

test('a supervisor lands on the dashboard, changes range and ports, reads the table and downloads a CSV that matches the API', async ({ page }) => {
  await signIn(page, ACCOUNTS.supervisor);
  await page.goto('/');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Today, live' })).toBeVisible();
  await expectAccessible(page);

  // Last 7 days at two ports.
  await page.getByRole('radio', { name: 'Last 7 days' }).check();
  const chooser = page.getByRole('group', { name: 'Ports' });
  for (const box of await chooser.getByRole('checkbox').all()) await box.uncheck();
  await chooser.getByRole('checkbox', { name: 'San Ysidro' }).check();
  await chooser.getByRole('checkbox', { name: 'Nogales' }).check();
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/range=7/);
  await expect(page).toHaveURL(/port=san-ysidro/);
  await expect(page).toHaveURL(/port=nogales/);
  await expect(page.getByRole('heading', { level: 2, name: /· 2 ports$/ })).toBeVisible();

  // Every chart is drawn, with its title.
  for (const title of [
    'Capacity, booked and arrived per day',
    'Outcome mix of processed appointments per day',
    'No-show and late rates per day',
    'Arrivals by hour of the port-local day against scheduled times',
    'Ports side by side',
  ]) {
    const panel = page.getByRole('region', { name: title });
    await expect(panel).toBeVisible();
    await expect(panel.locator('svg.recharts-surface').first()).toBeVisible();
  }
  const from = await page.getByLabel('From (custom dates)').inputValue();
  const to = await page.getByLabel('To (custom dates)').inputValue();

  // The table alternative of the capacity chart: one row per day.
  const capacity = page.getByRole('region', { name: 'Capacity, booked and arrived per day' });
  await capacity.getByRole('button', { name: 'Show as table' }).click();
  const table = capacity.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(7);
  await expectAccessible(page);

  // The CSV holds exactly the API's numbers, added up over the two ports.
  const [download] = await Promise.all([page.waitForEvent('download'), capacity.getByRole('button', { name: /Download CSV/ }).click()]);
  expect(download.suggestedFilename()).toBe(`capacity-${from}-${to}.csv`);
  const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
  expect(csv[0]).toEqual(['Date', 'Capacity (slots)', 'Booked', 'Arrived (on time or late)', 'Utilisation (arrived ÷ capacity) (%)']);
  const api = await page.request.get(`/api/v1/stats/daily?from=${from}&to=${to}&port=san-ysidro&port=nogales`);
  expect(api.status()).toBe(200);
  const { days } = (await api.json()) as { days: DailyRow[] };
  expect(days).toHaveLength(14);
  const expected = new Map<string, { capacity: number; booked: number; arrived: number }>();
  for (const d of days) {
    const acc = expected.get(d.date) ?? { capacity: 0, booked: 0, arrived: 0 };
    expected.set(d.date, { capacity: acc.capacity + d.capacity, booked: acc.booked + d.booked, arrived: acc.arrived + d.checkedIn + d.late });
  }
  const rows = csv.slice(1);
  expect(rows.map((r) => r[0])).toEqual([...expected.keys()]);
  for (const [date, capacityN, booked, arrived, utilisation] of rows) {
    const e = expected.get(date!)!;
    expect([Number(capacityN), Number(booked), Number(arrived)], date).toEqual([e.capacity, e.booked, e.arrived]);
    expect(Number(utilisation), date).toBe(e.capacity ? Math.round((e.arrived / e.capacity) * 1000) / 10 : NaN);
  }
  expect(rows.some((r) => Number(r[2]) > 0)).toBe(true);

  // Back to the chart.
  await capacity.getByRole('button', { name: 'Show as chart' }).click();
  await expect(capacity.locator('svg.recharts-surface').first()).toBeVisible();
});

test('a custom range that runs backwards is refused with the field named, on the page and in the API', async ({ page }) => {
  await signIn(page, ACCOUNTS.supervisor);
  await page.goto('/dashboard?range=custom&from=2026-03-10&to=2026-03-01');
  await expect(page.getByRole('alert').filter({ hasText: 'The dates need fixing' })).toContainText('The end date must be on or after the start date.');
  await expect(page.getByLabel('To (custom dates)')).toHaveAttribute('aria-invalid', 'true');
  const bad = await page.request.get('/api/v1/stats/daily?from=2026-03-10&to=2026-03-01');
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.error.code).toBe('VALIDATION');
  expect(Object.keys(body.error.fields)).toEqual(['to']);
  const long = await page.request.get('/api/v1/stats/daily?from=2025-01-01&to=2026-01-02');
  expect(long.status()).toBe(400);
});

test('an officer sees only their own port: today on the page, another port is not found in the API', async ({ page }) => {
  await signIn(page, ACCOUNTS.officer);
  await page.goto('/dashboard');
  const live = page.getByRole('region', { name: 'Today, live' });
  await expect(live.getByRole('rowheader')).toHaveText(['San Ysidro']);
  await expect(page.getByRole('group', { name: 'Ports' })).toHaveCount(0);
  const other = await page.request.get('/api/v1/stats/daily?from=2026-01-01&to=2026-01-07&port=nogales');
  expect(other.status()).toBe(404);
  const own = await page.request.get('/api/v1/stats/today');
  expect(((await own.json()) as { ports: { port: string }[] }).ports.map((p) => p.port)).toEqual(['san-ysidro']);
  await expectAccessible(page);
});
