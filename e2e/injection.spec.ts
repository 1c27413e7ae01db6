import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from './helpers';
import { addDays, adminApi, fixturePort } from './fixtures/world';

// Unusual real names (apostrophes, right-to-left scripts, combining marks) are stored NFKC-normalised and
// render as text; markup, SQL, control and bidi-override characters are refused before anything is stored.
const PEOPLE = [
  { familyName: `O'Brien-Núñez, Jr.`, givenName: 'D\u2019Angelo' },
  { familyName: 'עברית مرحبا', givenName: 'Zoe\u0308 Nguye\u0302\u0303n' },
  { familyName: 'Ｐｅñａ', givenName: 'José\u200B María' },
];
const HOSTILE = [
  { familyName: `O'Brien"; DROP TABLE appointments;--`, givenName: 'Ana' },
  { familyName: 'Ruiz', givenName: `<img src=x onerror="window.__pwned=1">` },
  { familyName: 'Line\nINFO forged=true', givenName: 'Ana' },
  { familyName: 'Ruiz\u202Egnp.exe', givenName: 'Ana' },
  { familyName: 'Ruiz 😀', givenName: 'Ana' },
];
const stored = (name: string) => name.normalize('NFKC').replace(/\u200B/g, '');

test('right-to-left and combining names round-trip and render as text; injection, control and bidi-override names are refused', async ({ page }) => {
  // Tomorrow at a port of the test's own; its zone is near noon, so 18:00-19:00 UTC is that local date.
  const admin = await adminApi();
  const port = await fixturePort(admin, { limit: 10, daysAhead: 1 });
  await admin.dispose();
  const date = addDays(port.today, 1);
  await signIn(page, ACCOUNTS.admin);
  const stamp = Date.now().toString(36).toUpperCase().replace(/[^A-HJ-NP-Z2-9]/g, 'X');
  const appointments = PEOPLE.map((person, i) => ({
    confirmationCode: `Z${stamp.slice(-6).padStart(6, "Q")}${"ABC"[i]}`,
    scheduledAt: `${date}T18:0${i}:00Z`,
    partySize: 1,
    person: { ...person, dateOfBirth: `198${i}-01-0${i + 1}`, nationality: 'MX', language: 'es' },
  }));
  const codes = new Set(appointments.map((a) => a.confirmationCode));
  expect(codes.size).toBe(PEOPLE.length);
  const imported = await page.request.post('/api/v1/intake/rosters', {
    headers: { Origin: new URL(page.url()).origin },
    data: { port: port.slug, appointments },
  });
  expect(imported.status(), await imported.text()).toBe(200);

  const roster = await (await page.request.get(`/api/v1/ports/${port.slug}/roster?date=${date}`)).json();
  for (const a of appointments) {
    const row = roster.appointments.find((r: { confirmationCode: string }) => r.confirmationCode === a.confirmationCode);
    expect(row.familyName).toBe(stored(a.person.familyName));
    expect(row.givenName).toBe(stored(a.person.givenName));
  }

  await page.goto(`/roster/${port.slug}?date=${date}`);
  for (const a of appointments) {
    await expect(page.locator(`tr[data-appointment="${a.confirmationCode}"]`)).toContainText(stored(a.person.givenName));
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('table img, table script').count()).toBe(0);

  const refused = await page.request.post('/api/v1/intake/rosters', {
    headers: { Origin: new URL(page.url()).origin },
    data: {
      port: port.slug,
      appointments: HOSTILE.map((person, i) => ({
        confirmationCode: `Y${stamp.slice(-6).padStart(6, 'Q')}${'ABCDE'[i]}`,
        scheduledAt: `${date}T19:0${i}:00Z`,
        partySize: 1,
        person: { ...person, dateOfBirth: '1980-01-01', nationality: 'MX', language: 'es' },
      })),
    },
  });
  expect(refused.status()).toBe(400);
  const report = (await refused.json()) as { error: { code: string; rows: Array<{ row: number; column: string }> } };
  expect(report.error.code).toBe('VALIDATION');
  expect(report.error.rows.map((r) => [r.row, r.column])).toEqual([[1, 'family_name'], [2, 'given_name'], [3, 'family_name'], [4, 'family_name'], [5, 'family_name']]);
});
