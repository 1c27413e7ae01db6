import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from './helpers';

// Hostile and unusual names must be stored verbatim and render as inert text.
const PEOPLE = [
  { familyName: `O'Brien"; DROP TABLE appointments;--`, givenName: `<img src=x onerror="window.__pwned=1">` },
  { familyName: 'עברית مرحبا 😀', givenName: 'Zoe\u0308 Nguye\u0302\u0303n' },
  { familyName: 'Line\nINFO forged=true', givenName: '<script>window.__pwned=2</script>' },
];

function tomorrowAtNogales(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Phoenix' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test('injection strings and right-to-left, emoji and combining names round-trip and render inert', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  const date = tomorrowAtNogales();
  const stamp = Date.now().toString(36).toUpperCase().replace(/[^A-HJ-NP-Z2-9]/g, 'X');
  const appointments = PEOPLE.map((person, i) => ({
    confirmationCode: `Z${stamp.slice(-6).padStart(6, "Q")}${"ABC"[i]}`,
    scheduledAt: `${date}T1${i}:00:00-07:00`,
    partySize: 1,
    person: { ...person, dateOfBirth: `198${i}-01-0${i + 1}`, nationality: 'MX', language: 'es' },
  }));
  const codes = new Set(appointments.map((a) => a.confirmationCode));
  expect(codes.size).toBe(PEOPLE.length);
  const imported = await page.request.post('/api/v1/intake/rosters', {
    headers: { Origin: new URL(page.url()).origin },
    data: { port: 'nogales', appointments },
  });
  expect(imported.status(), await imported.text()).toBe(200);

  const roster = await (await page.request.get(`/api/v1/ports/nogales/roster?date=${date}`)).json();
  for (const a of appointments) {
    const stored = roster.appointments.find((r: { confirmationCode: string }) => r.confirmationCode === a.confirmationCode);
    expect(stored.familyName).toBe(a.person.familyName);
    expect(stored.givenName).toBe(a.person.givenName);
  }

  await page.goto(`/roster/nogales?date=${date}`);
  for (const a of appointments) {
    await expect(page.locator(`tr[data-appointment="${a.confirmationCode}"]`)).toContainText(a.person.givenName.split('\n')[0]!);
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('table img, table script').count()).toBe(0);
});
