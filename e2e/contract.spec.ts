/**
 * Contract test: real responses of a running server (successes and refusals) replayed against
 * the response schemas of the OpenAPI document it serves. A field renamed in code, a status the
 * document does not declare, or an error body off the Error schema fails here.
 */
import { expect, test, type APIResponse } from '@playwright/test';
import { ACCOUNTS, signIn } from './helpers';
import { addDays, adminApi, fixturePort } from './fixtures/world';
import { ContractChecker } from './support/contract';

test('API responses match the OpenAPI document', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const contract = new ContractChecker(await (await request.get('/api/v1/openapi.json')).json());
  const problems: string[] = [];
  const check = async (method: string, url: string, send: () => Promise<APIResponse>): Promise<APIResponse> => {
    const response = await send();
    problems.push(...(await contract.problems(method, url, response)));
    return response;
  };

  await signIn(page, ACCOUNTS.admin);
  const admin = page.request;
  const get = (url: string, client = admin) => check('GET', url, () => client.get(url));
  const post = (url: string, data: unknown, headers: Record<string, string> = {}, client = admin) =>
    check('POST', url, () => client.post(url, { headers: { Origin: origin, ...headers }, data }));

  // A key for the machine routes, and our own appointment (tomorrow, so nothing depends on the hour).
  const created = await post('/api/v1/admin/intake-keys', { name: `Contract ${Date.now()}` });
  expect(created.status()).toBe(201);
  const bearer = { Authorization: `Bearer ${(await created.json()).key}` };
  expect((await get('/api/v1/ports')).status()).toBe(200);
  // A port of the test's own with room tomorrow; its zone is near noon, so 18:00 UTC is that local date.
  const fixtures = await adminApi();
  const port = await fixturePort(fixtures, { limit: 5, daysAhead: 1 });
  await fixtures.dispose();
  const tomorrow = addDays(port.today, 1);
  const code = `CT${Date.now().toString(36).toUpperCase().slice(-6)}`;
  // Names may hold letters only (issue 14), so the unique code is spelled with letters.
  const lettersOnly = (text: string) => text.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!);
  const person = { familyName: `Contrato ${lettersOnly(code)}`, givenName: 'Prueba', dateOfBirth: '1990-01-01', nationality: 'GT', language: 'es' };
  const imported = await post('/api/v1/intake/rosters', { port: port.slug, appointments: [{ confirmationCode: code, scheduledAt: `${tomorrow}T18:00:00Z`, partySize: 2, person }] });
  expect(imported.status(), await imported.text()).toBe(200);
  const location = (await (await get(`/api/v1/appointments/lookup?code=${code}`)).json()).location as { appointmentId: string };

  // Successes, as each role's screens and the scheduling system see them.
  for (const url of [
    '/api/v1/health',
    '/api/v1/ready',
    `/api/v1/ports/${port.slug}/roster`,
    `/api/v1/ports/${port.slug}/roster?date=${tomorrow}&q=${code}`,
    `/api/v1/ports/${port.slug}/roster/export?date=${tomorrow}`,
    `/api/v1/appointments/${location.appointmentId}`,
    '/api/v1/admin/ports',
    '/api/v1/admin/users',
    '/api/v1/admin/intake-keys',
    '/api/v1/admin/outcome-codes',
    `/api/v1/admin/capacity?port=${port.slug}&from=${port.today}&to=${tomorrow}`,
    '/api/v1/admin/audit?limit=5',
    `/api/v1/stats/daily?from=${port.today}&to=${tomorrow}`,
    `/api/v1/stats/summary?from=${port.today}&to=${tomorrow}`,
    `/api/v1/stats/hourly?from=${port.today}&to=${tomorrow}`,
    '/api/v1/stats/today',
  ]) expect((await get(url)).status(), url).toBe(200);
  expect((await get(`/api/v1/intake/availability?port=${port.slug}&from=${port.today}&to=${tomorrow}`, request)).status()).toBe(401);
  const availability = await check('GET', '/api/v1/intake/availability', () => request.get(`/api/v1/intake/availability?port=${port.slug}&from=${port.today}&to=${tomorrow}`, { headers: bearer }));
  expect(availability.status()).toBe(200);

  // A booking through the feed, its replay, and a different body under the same key.
  const idem = { ...bearer, 'Idempotency-Key': `contract-${code}` };
  const booking = { port: port.slug, scheduledAt: `${tomorrow}T19:00:00Z`, partySize: 1, person: { ...person, familyName: `Reserva ${lettersOnly(code)}` } };
  const booked = await check('POST', '/api/v1/intake/bookings', () => request.post('/api/v1/intake/bookings', { headers: idem, data: booking }));
  expect(booked.status(), await booked.text()).toBe(201);
  expect((await check('POST', '/api/v1/intake/bookings', () => request.post('/api/v1/intake/bookings', { headers: idem, data: booking }))).status()).toBe(201);
  expect((await check('POST', '/api/v1/intake/bookings', () => request.post('/api/v1/intake/bookings', { headers: idem, data: { ...booking, partySize: 2 } }))).status()).toBe(422);
  const bookedCode = (await booked.json()).appointment.confirmationCode as string;
  expect((await check('DELETE', `/api/v1/intake/bookings/${bookedCode}`, () => request.delete(`/api/v1/intake/bookings/${bookedCode}`, { headers: bearer }))).status()).toBe(200);

  // Refusals: each in the Error shape with a declared status.
  expect((await get('/api/v1/ports', request)).status()).toBe(401);
  expect((await get('/api/v1/appointments/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
  expect((await get(`/api/v1/ports/${port.slug}/roster?date=2026-02-30`)).status()).toBe(400);
  expect((await post(`/api/v1/appointments/${location.appointmentId}/check-in`, {})).status()).toBe(409);
  expect((await post(`/api/v1/appointments/${location.appointmentId}/check-in`, { membersPresent: 'many' })).status()).toBe(400);
  expect((await post(`/api/v1/appointments/${location.appointmentId}/no-show`, {})).status()).toBe(409);
  const codes = (await (await get('/api/v1/admin/outcome-codes')).json()).outcomeCodes as Array<{ code: string; active: boolean; requiresNote?: boolean }>;
  const plain = codes.find((c) => c.active && !c.requiresNote)!;
  // Valid outcome, but the appointment is not checked in: a conflict, not a validation error.
  expect((await post(`/api/v1/appointments/${location.appointmentId}/outcome`, { code: plain.code })).status()).toBe(409);
  const wrongType = await check('POST', '/api/v1/intake/rosters', () => admin.post('/api/v1/intake/rosters', { headers: { Origin: origin, 'Content-Type': 'text/plain' }, data: 'hello' }));
  expect(wrongType.status()).toBe(415);
  expect((await post('/api/v1/intake/rosters', { port: port.slug, appointments: [{ confirmationCode: code, partySize: 99 }] })).status()).toBe(400);

  expect(problems).toEqual([]);
  expect(contract.seen.size).toBeGreaterThanOrEqual(30);
});
