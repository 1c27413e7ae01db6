/**
 * The kiosk loses the network mid-shift: five actions are kept on the device, survive a reload, and
 * replay once the network is back: each accepted once (API and audit), each shown in its row; one
 * whose person another officer checked in meanwhile says who did. A tap older than the offline bound
 * goes to the supervisor's review queue. Appointments are created through the roster import API.
 */
import { expect, test } from '@playwright/test';
import { apiAs, appointmentsToday, kioskWorld, type Booked, type KioskWorld } from './fixtures/world';
import { ACCOUNTS, signIn } from './helpers';
import { roster } from './roster-fixtures';

const MIN = 60_000;
type Made = Booked;

// A port of the spec's own, near noon, with its own officer: any day, any hour, no demo rows.
let world: KioskWorld;
let SLUG: string;
test.beforeAll(async () => {
  world = await kioskWorld();
  SLUG = world.port.slug;
});
test.afterAll(async () => world.admin.dispose());
/** Appointments at the spec's port today, `minutes` from now each, imported by the administrator. */
const makeAppointments = (minutes: number[]) => appointmentsToday(world.admin, world.port, minutes.map((minutesFromNow) => ({ minutesFromNow })));

test('five actions offline survive a reload and replay once each; one done meanwhile elsewhere says who did it', async ({ page, context }) => {
  const supervisor = await apiAs(ACCOUNTS.supervisor);
  // Four due soon (check in), one whose deadline passed (mark the no-show).
  const [a, b, c, late, meanwhile] = await makeAppointments([5, 6, 7, -40, 8]);
  const checkIns = [a!, b!, c!, meanwhile!];

  await signIn(page, world.officer.email, world.officer.password);
  // The kiosk measures its clock offset at a successful request (the roster poll).
  const polled = page.waitForResponse((r) => r.url().includes(`/api/v1/ports/${SLUG}/roster`) && r.ok());
  await page.goto(`/roster/${SLUG}`);
  await polled;
  const row = (m: Made) => page.locator(`tr[data-appointment="${m.confirmationCode}"]`);
  await expect(row(a!)).toBeVisible();

  await context.setOffline(true);
  for (const m of checkIns) await row(m).getByRole('button', { name: `Check in ${m.name}` }).click();
  await row(late!).getByRole('button', { name: `Mark no-show: ${late!.name}` }).click();
  await expect(page.getByTestId('pending-actions')).toHaveText('5 actions waiting for the network');
  for (const m of [...checkIns, late!]) await expect(row(m).getByText(/^Pending, not yet on the server/)).toBeVisible();

  // Signing out now warns first; dismissing keeps the officer on the kiosk.
  let warned = '';
  page.once('dialog', (d) => {
    warned = d.message();
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => warned).toContain('5 actions have not reached the server yet');
  await expect(page).toHaveURL(new RegExp(`/roster/${SLUG}`));

  // Another officer (the supervisor, on their own kiosk) checks one of them in meanwhile.
  expect((await supervisor.post(`/api/v1/appointments/${meanwhile!.id}/check-in`, { data: {} })).status()).toBe(200);

  // Reload while the API is still unreachable: the queue is read from IndexedDB at start.
  await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId('pending-actions')).toHaveText('5 actions waiting for the network');
  await expect(row(b!).getByText(/^Pending, not yet on the server/)).toBeVisible();

  // The network is back: the next successful request replays them in tap order.
  await page.unroute('**/api/v1/**');
  await expect(page.getByTestId('pending-actions')).toHaveCount(0, { timeout: 30_000 });
  for (const m of [a!, b!, c!]) await expect(row(m).getByText(/^Sent from this device: Checked in \d{2}:\d{2}/)).toBeVisible();
  await expect(row(late!).getByText('Sent from this device: Marked as no-show.')).toBeVisible();
  await expect(row(meanwhile!).getByText(/^Already checked in by Sam Supervisor at \d{2}:\d{2}/)).toBeVisible();

  // On the server: each once, none twice.
  const today = (await roster(page.request, SLUG)).appointments;
  const status = (m: Made) => today.find((r) => r.id === m.id)!;
  for (const m of [a!, b!, c!, meanwhile!]) expect(status(m).status).toBe('checked_in');
  expect(status(late!)).toMatchObject({ status: 'no_show', noShowRecorded: true });
  const audit = (await (await supervisor.get(`/api/v1/admin/audit?port=${SLUG}&action=appointment&limit=1000`)).json()) as {
    events: Array<{ targetId: string; action: string; actorEmail: string; reason: string | null }>;
  };
  const ARRIVAL = ['appointment.checked_in', 'appointment.arrived_late', 'appointment.no_show_marked', 'appointment.arrival_undone'];
  const mine = audit.events.filter((e) => [a, b, c, late, meanwhile].some((m) => m!.id === e.targetId) && ARRIVAL.includes(e.action));
  const byTarget = (m: Made) => mine.filter((e) => e.targetId === m.id).map((e) => `${e.action} ${e.actorEmail}`);
  for (const m of [a!, b!, c!]) expect(byTarget(m)).toEqual([`appointment.checked_in ${world.officer.email}`]);
  expect(byTarget(late!)).toEqual([`appointment.no_show_marked ${world.officer.email}`]);
  expect(byTarget(meanwhile!)).toEqual([`appointment.checked_in ${ACCOUNTS.supervisor}`]);
  // Replayed taps say both times in their audit event.
  for (const m of [a!, b!, c!, late!]) expect(mine.find((e) => e.targetId === m.id)!.reason).toMatch(/^Recorded offline at \S+, received at \S+\.$/);
  await supervisor.dispose();
});

test('a replayed tap older than the offline bound is judged at the received time and lands in the review queue', async ({ page }) => {
  const officer = await apiAs(world.officer.email, world.officer.password);
  // Deadline 15 minutes ago; the kiosk says the person was tapped 25 minutes ago (on time), beyond the 10-minute bound.
  const [stale, future] = await makeAppointments([-30, 20]);
  const tappedAt = Date.now() - 25 * MIN;
  const replay = await officer.post(`/api/v1/appointments/${stale!.id}/check-in`, { data: { tappedAt, clockOffsetMs: 0, idempotencyKey: `stale-${stale!.confirmationCode}` } });
  expect(replay.status(), await replay.text()).toBe(200);
  expect(((await replay.json()) as { appointment: { status: string } }).appointment.status).toBe('late');
  // A tap time in the future is refused in the error shape, and nothing is stored.
  const ahead = await officer.post(`/api/v1/appointments/${future!.id}/check-in`, { data: { tappedAt: Date.now() + 10 * MIN, clockOffsetMs: 0 } });
  expect(ahead.status()).toBe(400);
  expect(((await ahead.json()) as { error: { code: string; fields: Record<string, string> } }).error).toMatchObject({ code: 'VALIDATION', fields: { tappedAt: expect.any(String) } });

  await signIn(page, ACCOUNTS.supervisor);
  await page.goto('/review');
  const item = page.getByRole('listitem').filter({ hasText: stale!.confirmationCode });
  await expect(item.getByRole('heading', { name: 'Offline tap older than the limit' })).toBeVisible();
  await expect(item.getByText(/^Recorded offline at \d{4}-\d{2}-\d{2} \d{2}:\d{2}, received at/)).toBeVisible();
  await officer.dispose();
});
