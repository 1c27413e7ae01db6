/**
 * The wall view with every port in view holds one event stream for all of them and does not poll:
 * idle for longer than the 30 s fallback, it asks nothing of the stats or roster endpoints; a
 * check-in at one port reaches it through the stream and moves its figures. The several-port
 * stream's refusals are in the error shape.
 */
import { expect, test } from '@playwright/test';
import { apiAs, appointmentsToday } from './fixtures/world';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';
import { DEMO_PORTS } from './roster-fixtures';

const SSE = { Accept: 'text/event-stream' };
const PORT = 'nogales';

test('a check-in at one port refreshes the all-ports wall view through one stream, with no polling while idle', async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await apiAs(ACCOUNTS.admin);
  const officer = await apiAs(ACCOUNTS.officerNogales);
  // Scheduled now: today at the port whatever the hour.
  const [due] = await appointmentsToday(admin, { slug: PORT }, [{ minutesFromNow: 0 }]);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await signIn(page, ACCOUNTS.supervisor);
  const asked: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/v1/stats') || path.includes('/roster')) asked.push(path);
  });
  const streams: string[] = [];
  page.on('request', (r) => {
    if (/\/events(\?|$)/.test(new URL(r.url()).pathname + new URL(r.url()).search)) streams.push(r.url());
  });
  const opened = page.waitForResponse((r) => r.url().includes('/api/v1/events?') && r.status() === 200);
  await page.goto(`/dashboard/wall?${new URLSearchParams(DEMO_PORTS.map((slug) => ['port', slug]))}`);
  await opened;
  await expect(page.getByRole('rowheader')).toHaveCount(DEMO_PORTS.length);
  // One stream for the seven ports, none per port.
  expect(streams.map((u) => new URL(u).pathname)).toEqual(['/api/v1/events']);
  expect(new URL(streams[0]!).searchParams.getAll('port').sort()).toEqual([...DEMO_PORTS].sort());
  await expectAccessible(page);

  // The mount's own refetch may be under way; after it, nothing while idle for longer than the fallback period.
  await page.waitForTimeout(2_000);
  asked.length = 0;
  await page.waitForTimeout(35_000);
  expect(asked).toEqual([]);

  const totals = page.getByRole('region', { name: 'Today across the shown ports' });
  const arrived = totals.locator('div').filter({ has: page.getByText('Arrived (on time or late)', { exact: true }) }).locator('dd');
  const before = Number((await arrived.textContent())!.replace(/\D/g, ''));
  expect((await officer.post(`/api/v1/appointments/${due!.id}/check-in`, { data: {} })).status()).toBe(200);
  await expect(arrived).toHaveText(new Intl.NumberFormat('en-US').format(before + 1), { timeout: 5_000 });
  expect(asked.filter((p) => p === '/api/v1/stats/today').length).toBeGreaterThanOrEqual(1);
  expect(asked.filter((p) => p.includes('/roster'))).toEqual([]);
  await Promise.all([admin.dispose(), officer.dispose()]);
});

test('the several-port stream: 401 without a session, 400 without a port, 404 when one port is outside the officer’s scope', async ({ page, request }) => {
  const none = await request.get('/api/v1/events?port=san-ysidro', { headers: SSE });
  expect(none.status()).toBe(401);
  await signIn(page, ACCOUNTS.officer);
  const missing = await page.request.get('/api/v1/events', { headers: SSE });
  expect(missing.status()).toBe(400);
  expect(await missing.json()).toMatchObject({ error: { code: 'VALIDATION', fields: { port: expect.any(String) } } });
  for (const q of ['port=san-ysidro&port=nogales', 'port=san-ysidro&port=no-such-port']) {
    const other = await page.request.get(`/api/v1/events?${q}`, { headers: SSE });
    expect(other.status(), q).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  }
  const forged = await page.request.get('/api/v1/events?port=san-ysidro', { headers: { ...SSE, 'Last-Event-ID': 'not-ours' } });
  expect(forged.status()).toBe(400);
});
