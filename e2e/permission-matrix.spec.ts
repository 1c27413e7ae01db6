/**
 * The permission matrix: every API route (from the registered RouteSpecs, published as
 * /api/v1/openapi.json) and every page (from the app/ folder) x every subject, sent as real HTTP
 * requests with real sessions, compared with an expected table written from the domain rules
 * (docs/domain.md, docs/api.md), not from lib/auth/permissions.ts. Every refusal must have left an
 * `access.denied` audit event with its request id, and no allowed request may have left one.
 *
 * Subjects: the officers of two ports (A and B), a supervisor, an admin, no session, a revoked intake
 * key and a valid one. Routes about one port's resources are sent twice, once for a resource of port A
 * and once for port B, so each officer meets its own port and the other one ("3 roles x 2 ports").
 * Mutations carry a body that fails validation (`[]`) or target something absent, so an allowed call is
 * refused harmlessly *after* authorization (400/404/409 count as "allowed past authorization").
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { signIn } from './helpers';
import { apiRoutesOnDisk } from './support/api-routes';
import { PORT_A, PORT_B, type Subject, SUBJECTS, PEOPLE, type Target, type Policy, API_POLICY, PAGE_POLICY, type Outcome, DENIALS, expectedApi, expectedPage } from './support/permission-table';

interface Probe {
  kind: 'api' | 'page';
  key: string;
  method: string;
  url: string;
  target: Target;
  policy: Policy | undefined;
}

interface Fixtures {
  appointment: Record<'A' | 'B', { id: string; code: string }>;
  slug: Record<'A' | 'B', string>;
  today: string;
}

const RANDOM_UUID = '7b0c2a52-3f39-4e5b-9d67-0c6a2e2d9a11';

/** The concrete URL of a route for one target (null: the route is not about one port's resource). */
function apiProbes(key: string, f: Fixtures): Probe[] {
  const [method, pattern] = key.split(' ') as [string, string];
  const perPort = /\{slug\}|\/appointments\/\{id\}|\/stats\/|\/appointments\/lookup|^\/api\/v1\/admin\/capacity$|^\/api\/v1\/events$/.test(pattern);
  const targets: Target[] = perPort ? ['A', 'B'] : [null];
  return targets.map((target) => {
    const t = target ?? 'A';
    let url = pattern
      .replace('{slug}', f.slug[t])
      .replace(/\/appointments\/\{id\}/, `/appointments/${f.appointment[t].id}`)
      .replace('{id}', RANDOM_UUID)
      .replace('{date}', '2099-01-01')
      .replace('{code}', 'matrix_no_such_code')
      .replace('{confirmationCode}', 'MATRIXNO');
    if (/\/stats\/today$|\/admin\/capacity$|^\/api\/v1\/events$/.test(pattern)) url += `?port=${f.slug[t]}`;
    else if (/\/stats\//.test(pattern)) url += `?port=${f.slug[t]}&from=${f.today}&to=${f.today}`;
    if (pattern.endsWith('/appointments/lookup')) url += `?code=${f.appointment[t].code}`;
    if (pattern.endsWith('/admin/audit')) url += '?limit=1';
    if (pattern.endsWith('/intake/availability')) url += `?port=${f.slug[t]}&from=${f.today}&to=${f.today}`;
    return { kind: 'api', key, method, url, target, policy: API_POLICY[key] };
  });
}

function pageProbes(route: string, f: Fixtures): Probe[] {
  const targets: Target[] = /\[/.test(route) ? ['A', 'B'] : [null];
  return targets.map((target) => {
    const t = target ?? 'A';
    const url = route.replace('[slug]', f.slug[t]).replace('[id]', f.appointment[t].id);
    return { kind: 'page', key: `PAGE ${route}`, method: 'GET', url, target, policy: PAGE_POLICY[route] };
  });
}

/** Pages served by a route handler rather than a page.tsx. */
const DOCUMENT_PAGES = ['/api/docs'];

/** Every page.tsx under app/, as its URL pattern (route groups dropped). */
function pagesOnDisk(dir = 'app'): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (full !== path.join('app', 'api')) found.push(...pagesOnDisk(full));
    } else if (entry === 'page.tsx') {
      const route = dir
        .split(path.sep)
        .slice(1)
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .join('/');
      found.push(`/${route}`);
    }
  }
  return found.sort();
}

const paramless = (key: string) => key.replace(/\{[^}]+\}/g, '{}');

function classify(probe: Probe, response: APIResponse, audited: boolean): Outcome {
  const status = response.status();
  if (status >= 500) return 'error';
  if (probe.kind === 'api') {
    if (status === 401) return 'unauthenticated';
    if (status === 403) return 'forbidden';
    if (status === 404 && audited) return 'hidden';
    return status >= 300 && status < 400 ? 'elsewhere' : 'allowed';
  }
  if (status >= 300 && status < 400) {
    const to = new URL(response.headers()['location'] ?? '', 'http://x').pathname;
    if (to === '/sign-in') return 'to-sign-in';
    if (to === '/') return 'to-home';
    return 'elsewhere';
  }
  if (status === 404) return audited ? 'hidden' : 'not-found';
  return status === 200 ? 'page' : 'error';
}

function confirmationCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

interface DenialEvent {
  actor: string | null;
  actorEmail: string | null;
  action: string;
  targetId: string | null;
  requestId: string | null;
}

async function denialEvents(admin: APIRequestContext, since: number): Promise<Map<string, DenialEvent>> {
  const byRequest = new Map<string, DenialEvent>();
  let before: number | null = null;
  for (;;) {
    const response = await admin.get(`/api/v1/admin/audit?action=access.denied&limit=1000${before ? `&before=${before}` : ''}`);
    expect(response.status()).toBe(200);
    const page = (await response.json()) as { events: Array<DenialEvent & { id: number; at: string }>; nextBefore: number | null };
    for (const event of page.events) if (event.requestId && Date.parse(event.at) >= since) byRequest.set(event.requestId, event);
    const oldest = page.events[page.events.length - 1];
    if (!page.nextBefore || !oldest || Date.parse(oldest.at) < since) return byRequest;
    before = page.nextBefore;
  }
}

test('the permission matrix: every route and page x every subject matches the expected table, and every refusal is audited', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const started = Date.now() - 5_000;

  // Real sign-ins, one browser context (one session) per person.
  const contexts: Partial<Record<Subject, APIRequestContext>> = {};
  for (const [subject, email] of Object.entries(PEOPLE)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    contexts[subject as Subject] = context.request;
  }
  const admin = contexts.admin!;
  const origin = new URL(baseURL!).origin;

  // Two intake keys: one revoked at once, one kept.
  const keyOf = async (name: string) => {
    const r = await admin.post('/api/v1/admin/intake-keys', { data: { name }, headers: { Origin: origin } });
    expect(r.status()).toBe(201);
    return (await r.json()) as { id: string; key: string };
  };
  const revoked = await keyOf(`matrix-revoked-${Date.now()}`);
  expect((await admin.delete(`/api/v1/admin/intake-keys/${revoked.id}`, { headers: { Origin: origin } })).status()).toBe(200);
  const valid = await keyOf(`matrix-valid-${Date.now()}`);

  // One appointment of our own at each port, three days ahead: no-show and undo are refused there (409).
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const appointment = {} as Fixtures['appointment'];
  for (const [t, slug] of [['A', PORT_A], ['B', PORT_B]] as const) {
    const code = confirmationCode();
    const person = { familyName: `Matrix${code.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!)}`, givenName: 'Prueba', dateOfBirth: '1990-01-01', nationality: 'GT', language: 'es' };
    const imported = await admin.post('/api/v1/intake/rosters', {
      headers: { Origin: origin },
      data: { port: slug, appointments: [{ confirmationCode: code, scheduledAt: `${day}T18:00:00Z`, partySize: 1, person }] },
    });
    expect(imported.status(), await imported.text()).toBe(200);
    const found = await admin.get(`/api/v1/appointments/lookup?code=${code}`);
    expect(found.status()).toBe(200);
    appointment[t] = { id: (await found.json()).location.appointmentId, code };
  }
  const fixtures: Fixtures = { appointment, slug: { A: PORT_A, B: PORT_B }, today: new Date().toISOString().slice(0, 10) };

  // The routes: registered RouteSpecs (the OpenAPI document) and the pages on disk.
  const doc = (await (await admin.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  const registered = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
  const problems: string[] = [];
  // A route file whose handler is not registered would escape the matrix (and the OpenAPI document).
  const registeredShapes = new Set(registered.map(paramless));
  for (const onDisk of apiRoutesOnDisk()) if (!registeredShapes.has(onDisk)) problems.push(`route file not registered as a RouteSpec: ${onDisk}`);
  const probes = [...registered.flatMap((key) => apiProbes(key, fixtures)), ...[...pagesOnDisk(), ...DOCUMENT_PAGES].flatMap((route) => pageProbes(route, fixtures))];
  for (const probe of probes) if (!probe.policy) problems.push(`no expected entry for ${probe.key}`);
  for (const key of [...Object.keys(API_POLICY)]) if (!registered.includes(key)) problems.push(`expected entry for a route that is not registered: ${key}`);

  // Anonymous and key subjects use a context with no cookies.
  const bare = await browser.newContext();
  const headersFor = (subject: Subject): Record<string, string> => {
    const headers: Record<string, string> = { Origin: origin };
    if (subject === 'revokedKey') headers.Authorization = `Bearer ${revoked.key}`;
    if (subject === 'validKey') headers.Authorization = `Bearer ${valid.key}`;
    return headers;
  };
  const clientOf = (subject: Subject) => contexts[subject] ?? bare.request;

  interface Result { probe: Probe; subject: Subject; response: APIResponse; requestId: string }
  const jobs = probes.filter((p) => p.policy).flatMap((probe) => SUBJECTS.map((subject) => ({ probe, subject })));
  const results: Result[] = [];
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const { probe, subject } = job;
        const response = await clientOf(subject).fetch(probe.url, {
          method: probe.method,
          headers: headersFor(subject),
          maxRedirects: 0,
          // An invalid body: an allowed mutation stops at validation, after authorization.
          ...(probe.method === 'GET' ? {} : { data: [] }),
        });
        results.push({ probe, subject, response, requestId: response.headers()['x-request-id'] ?? '' });
      }
    }),
  );

  const events = await denialEvents(admin, started);
  const table: string[] = [];
  for (const { probe, subject, response, requestId } of results) {
    const event = events.get(requestId);
    const got = classify(probe, response, Boolean(event));
    const want = probe.kind === 'api' ? expectedApi(probe.policy!, subject, probe.target) : expectedPage(probe.policy!, subject, probe.target);
    const where = `${probe.method} ${probe.url} as ${subject}`;
    table.push(`${where}: ${response.status()} ${got}`);
    if (got !== want) problems.push(`${where}: expected ${want}, got ${got} (HTTP ${response.status()})`);
    if (!requestId) problems.push(`${where}: no X-Request-Id`);
    // The front door sends the anonymous to sign-in without calling it a denial.
    const deniedHere = DENIALS.has(got) && !(probe.policy === 'entry');
    // A refusal of no account (anonymous, an intake key on a person's route, anyone on a key-only route) is audited aggregated
    // per client address and minute (README, Security), so it need not have an event of its own.
    const aggregated = subject === 'anonymous' || subject === 'revokedKey' || subject === 'validKey' || probe.policy === 'intakeKey';
    if (deniedHere && !event && !aggregated) problems.push(`${where}: refused (${got}) but no access.denied event`);
    if (!deniedHere && event && got !== 'hidden') problems.push(`${where}: allowed (${got}) but audited as denied`);
    if (event) {
      const path = new URL(probe.url, origin).pathname;
      if (event.targetId !== `${probe.method} ${path}`) problems.push(`${where}: audit target ${event.targetId}`);
      // Intake-key routes look only at the key, so a person refused there is as anonymous as anyone.
      const keyOnly = probe.policy === 'intakeKey';
      const who = keyOnly ? null : (PEOPLE[subject] ?? null);
      if (who && event.actorEmail !== who) problems.push(`${where}: audit actor ${event.actorEmail ?? event.actor}, expected ${who}`);
      if (subject === 'revokedKey' && probe.policy && ['intakeKey', 'intakeKeyOrAdmin'].includes(probe.policy) && !event.actor?.startsWith('intake:matrix-revoked-'))
        problems.push(`${where}: audit actor ${event.actor}, expected the revoked key's name`);
    }
  }
  test.info().annotations.push({ type: 'matrix', description: `${probes.length} routes/pages (with port targets) x ${SUBJECTS.length} subjects = ${results.length} requests, ${events.size} denials audited` });
  // The whole table, for reading: test-results/<this test>/matrix.txt.
  writeFileSync(test.info().outputPath('matrix.txt'), `${table.sort().join('\n')}\n`);
  console.log(`permission matrix: ${probes.length} probes x ${SUBJECTS.length} subjects = ${results.length} requests; ${problems.length} mismatches`);
  expect(problems, problems.join('\n')).toEqual([]);
  await bare.close();
});
