/**
 * No 500 on input: every API route of the route table (the app/api/v1 folder) is sent a catalogue of
 * hostile values for each kind of parameter it takes (path segments, query parameters, JSON body
 * fields and whole bodies, raw bytes and content types, headers), as a signed-in admin and with an
 * intake key. Every answer must be below 500 and, when it refuses, have the docs/api.md error shape.
 *
 * Targets are chosen so nothing shared is changed: path parameters not under attack name things that
 * do not exist (404), and the national cap, the one parameterless setting a hostile number could
 * set, is put back afterwards.
 */
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { signIn, ACCOUNTS } from './helpers';
import { apiRouteFiles, type RouteFile } from './support/api-routes';

/** Path segments and query values, as strings (sent URL-encoded) ... */
const HOSTILE_STRINGS: string[] = [
  '', ' ', '\u0000', 'a\u0000b', '-1', '0', '99999999999999999999', '1e309', 'NaN', 'null', 'undefined', 'true', '[]', '{}',
  "' or 1=1 --", '"; drop table appointments;--', '<script>alert(1)</script>', '../../etc/passwd', '\\', '$(id)', '{{7*7}}',
  '\uFFFD', '\u202Eevil', '\u200B', 'Ｊｏｓｅ', 'Јоѕе', '２０２６-０１-０１', '2026-02-30', '9999-12-31', '0000-00-00', '2026-13-01',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-fffffffffff', 'a'.repeat(5000), '*', '%',
];
/** ... and already-encoded sequences a client can send but encodeURIComponent never makes. */
const RAW_ENCODED = ['%00', '%ZZ', '%FF%FE', '%C0%AF', '%E2%80%AE', '%ED%A0%80', '%', '%%32%65'];

/** JSON values for body fields and whole bodies. */
const deep = (n: number): unknown => (n === 0 ? 1 : [deep(n - 1)]);
const HOSTILE_JSON: unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, '', ' ', [], {}, deep(500), { __proto__: { admin: true } },
  JSON.parse('{"__proto__":{"isAdmin":true}}'), { constructor: { prototype: { x: 1 } } }, '\u0000', 'a\u0000b', '\ud800', '<script>',
  "' or 1=1--", '9999-12-31', '2026-02-30', '1990-01-01T00:00:00', 'NaN', 'Infinity', ['a', 1, null], '١٢٣', 'Ｊｏｓｅ', '\u202Eabc',
  'a'.repeat(5000), { $gt: '' },
];

/** Raw bodies: bytes that are not JSON, or not what the Content-Type says. */
const enc = (s: string) => Buffer.from(s, 'utf8');
const RAW_BODIES: Array<{ label: string; type: string | null; body: Buffer }> = [
  { label: 'JSON as text/plain', type: 'text/plain', body: enc('{"a":1}') },
  { label: 'form data', type: 'application/x-www-form-urlencoded', body: enc('a=1&b=2') },
  { label: 'multipart', type: 'multipart/form-data; boundary=x', body: enc('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n') },
  { label: 'no Content-Type', type: null, body: enc('{"a":1}') },
  { label: 'invalid UTF-8', type: 'application/json', body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xf1, 0xff, 0x22, 0x7d]) },
  { label: 'overlong UTF-8', type: 'application/json', body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]) },
  { label: 'truncated JSON', type: 'application/json', body: enc('{"a":') },
  { label: 'JSON with a NUL escape', type: 'application/json', body: enc('{"name":"a\\u0000b","familyName":"\\u0000"}') },
  { label: 'JSON with a lone surrogate', type: 'application/json', body: enc('{"name":"\\ud800"}') },
  { label: 'a raw NUL byte', type: 'application/json', body: Buffer.from([0x7b, 0x00, 0x7d]) },
  { label: 'CSV sent as JSON', type: 'application/json', body: enc('port,confirmation_code\nx,y\n') },
  { label: 'JSON sent as CSV', type: 'text/csv', body: enc('{"a":1}') },
  { label: 'CSV with invalid UTF-8', type: 'text/csv', body: Buffer.from([0x70, 0x6f, 0x72, 0x74, 0x0a, 0xff, 0xfe, 0x0a]) },
  { label: 'CSV with a NUL', type: 'text/csv', body: Buffer.from('port,confirmation_code,scheduled_at,party_size,family_name,given_name,date_of_birth,nationality,language,document_number\nnogales,ABCD2345,2026-01-01T10:00:00Z,1,A\u0000,B,1990-01-01,MX,es,\n') },
];

const HOSTILE_HEADERS: Array<Record<string, string>> = [
  { 'Idempotency-Key': '' },
  { 'Idempotency-Key': 'x'.repeat(300) },
  { 'Idempotency-Key': "' or 1=1--" },
  { 'Accept-Language': 'xx-YY;q=abc, *;q=-1' },
  { 'X-Forwarded-Host': 'evil.example' },
];

/** Query parameters each GET route reads (from its zod schema), plus a stray one everywhere. */
const QUERY_PARAMS: Record<string, string[]> = {
  '/api/v1/ports/[slug]/roster': ['date', 'q', 'status'],
  '/api/v1/ports/[slug]/roster/export': ['date'],
  '/api/v1/appointments/lookup': ['code'],
  '/api/v1/stats/daily': ['from', 'to', 'port'],
  '/api/v1/stats/summary': ['from', 'to', 'port'],
  '/api/v1/stats/hourly': ['from', 'to', 'port'],
  '/api/v1/stats/today': ['port'],
  '/api/v1/admin/audit': ['port', 'actor', 'action', 'from', 'to', 'limit', 'before'],
  '/api/v1/admin/capacity': ['port', 'from', 'to'],
  '/api/v1/intake/availability': ['port', 'from', 'to'],
};
/** A valid value for each query parameter, so one parameter at a time is hostile. */
const today = new Date().toISOString().slice(0, 10);
const VALID_QUERY: Record<string, string> = { date: today, from: today, to: today, port: 'nogales', code: 'ABCD2345', q: 'ana', status: 'scheduled', limit: '10' };

/** Path parameters that exist in no database, so a request not attacking them ends in 404 before any write. */
const ABSENT: Record<string, string> = {
  '[id]': '7b0c2a52-3f39-4e5b-9d67-0c6a2e2d9a11',
  '[slug]': 'hostile-walk-none',
  '[date]': '2099-01-01',
  '[code]': 'hostile_walk_none',
};

const isIntake = (route: string) => route.startsWith('/api/v1/intake/');
const hasBody = (method: string) => method === 'POST' || method === 'PUT' || method === 'PATCH';

function url(route: string, attack?: { segment: string; value: string }, query = ''): string {
  let out = route;
  for (const [segment, value] of Object.entries(ABSENT)) out = out.replace(segment, attack?.segment === segment ? attack.value : value);
  return out + query;
}

interface Problem {
  what: string;
  status: number;
  body: string;
}

async function check(problems: Problem[], what: string, response: APIResponse): Promise<void> {
  const status = response.status();
  const text = await response.text();
  if (status >= 500) {
    problems.push({ what, status, body: text.slice(0, 300) });
    return;
  }
  if (status >= 400) {
    let shaped = false;
    try {
      const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      shaped = typeof body.error?.code === 'string' && typeof body.error?.message === 'string';
    } catch {
      shaped = false;
    }
    if (!shaped) problems.push({ what, status, body: text.slice(0, 300) });
  }
}

/** Runs the requests a few at a time: enough to finish quickly, not enough to starve the other tests on the machine. */
async function inBatches(tasks: Array<() => Promise<void>>, width = 4): Promise<void> {
  for (let i = 0; i < tasks.length; i += width) await Promise.all(tasks.slice(i, i + width).map((t) => t()));
}

/** The body fields of each route, from the published OpenAPI document (the same zod schemas that validate them). */
async function bodyFields(api: APIRequestContext): Promise<Map<string, string[]>> {
  const doc = (await (await api.get('/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
    components?: { schemas?: Record<string, Schema> };
  };
  type Schema = { $ref?: string; properties?: Record<string, unknown>; allOf?: Schema[]; anyOf?: Schema[] };
  const resolve = (s: Schema | undefined, depth = 0): string[] => {
    if (!s || depth > 4) return [];
    if (s.$ref) return resolve(doc.components?.schemas?.[s.$ref.split('/').pop()!], depth + 1);
    return [...Object.keys(s.properties ?? {}), ...(s.allOf ?? []).flatMap((x) => resolve(x, depth + 1)), ...(s.anyOf ?? []).flatMap((x) => resolve(x, depth + 1))];
  };
  const out = new Map<string, string[]>();
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      out.set(`${m.toUpperCase()} ${p.replace(/\{([^}]+)\}/g, '[$1]')}`, [...new Set(resolve(schema))]);
    }
  }
  return out;
}

test('every API route answers hostile input with a 4xx in the error shape, never a 5xx', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.admin);
  const admin = context.request;
  const origin = new URL(baseURL!).origin;
  const key = await admin.post('/api/v1/admin/intake-keys', { data: { name: `hostile-walk-${Date.now()}` }, headers: { Origin: origin } });
  expect(key.status()).toBe(201);
  const bearer = `Bearer ${((await key.json()) as { key: string }).key}`;
  const nationalCap = ((await (await admin.get(`/api/v1/admin/capacity?port=nogales&from=${today}&to=${today}`)).json()) as { nationalCap: number }).nationalCap;

  const routes = apiRouteFiles();
  expect(routes.length).toBeGreaterThan(30);
  const fields = await bodyFields(admin);
  const problems: Problem[] = [];
  let sent = 0;

  // Each caller a route accepts: an intake key for the feed, the admin session for the rest, both for rosters.
  const callers = (r: RouteFile): Array<{ label: string; headers: Record<string, string> }> => {
    const asAdmin = { label: 'admin', headers: { Origin: origin } };
    const asKey = { label: 'key', headers: { Authorization: bearer } };
    if (r.route === '/api/v1/intake/rosters') return [asAdmin, asKey];
    return isIntake(r.route) ? [asKey] : [asAdmin];
  };
  const send = (r: RouteFile, caller: { label: string; headers: Record<string, string> }, target: string, options: { data?: unknown; headers?: Record<string, string> } = {}, what = '') =>
    async () => {
      sent++;
      const headers = { ...caller.headers, ...(r.route === '/api/v1/intake/bookings' ? { 'Idempotency-Key': `walk-${sent}-${Date.now()}` } : {}), ...options.headers };
      const response = await admin.fetch(target, { method: r.method, headers, data: options.data as never, failOnStatusCode: false, maxRedirects: 0 });
      await check(problems, `${caller.label} ${r.method} ${target.slice(0, 120)} ${what}`, response);
    };

  const tasks: Array<() => Promise<void>> = [];
  for (const r of routes) {
    for (const caller of callers(r)) {
      const segments = Object.keys(ABSENT).filter((s) => r.route.includes(s));
      // 1. Every path parameter, one at a time.
      for (const segment of segments) {
        for (const value of [...HOSTILE_STRINGS.map(encodeURIComponent), ...RAW_ENCODED]) {
          tasks.push(send(r, caller, url(r.route, { segment, value }), hasBody(r.method) ? { data: {} } : {}, `path ${segment}`));
        }
      }
      // 2. Every query parameter, one at a time, the others valid; and a stray parameter.
      if (r.method === 'GET') {
        const names = [...(QUERY_PARAMS[r.route] ?? []), 'stray'];
        for (const name of names) {
          const others = names.filter((n) => n !== name && n !== 'stray').map((n) => `${n}=${encodeURIComponent(VALID_QUERY[n] ?? '')}`);
          for (const value of [...HOSTILE_STRINGS.map(encodeURIComponent), ...RAW_ENCODED]) {
            tasks.push(send(r, caller, url(r.route, undefined, `?${[...others, `${name}=${value}`].join('&')}`), {}, `query ${name}`));
          }
          tasks.push(send(r, caller, url(r.route, undefined, `?${name}=a&${name}=b&${name}[]=c`), {}, `query ${name} repeated`));
        }
      }
      // 3. Bodies: every field set to each hostile value, every hostile value as the whole body, raw bytes.
      if (hasBody(r.method)) {
        const target = url(r.route);
        const named = fields.get(`${r.method} ${r.route}`) ?? [];
        for (const field of named) for (const value of HOSTILE_JSON) tasks.push(send(r, caller, target, { data: { [field]: value } }, `body.${field}`));
        for (const value of HOSTILE_JSON) tasks.push(send(r, caller, target, { data: JSON.stringify(value) ?? 'null', headers: { 'Content-Type': 'application/json' } }, 'whole body'));
        for (const raw of RAW_BODIES) {
          tasks.push(send(r, caller, target, { data: raw.body, headers: raw.type ? { 'Content-Type': raw.type } : {} }, raw.label));
        }
      }
      // 4. Headers.
      for (const headers of HOSTILE_HEADERS) tasks.push(send(r, caller, url(r.route), { headers, ...(hasBody(r.method) ? { data: {} } : {}) }, `header ${Object.keys(headers)[0]}`));
    }
  }
  try {
    await inBatches(tasks);
  } finally {
    await admin.put('/api/v1/admin/national-cap', { data: { dailyCap: nationalCap }, headers: { Origin: origin } });
  }
  expect(sent).toBeGreaterThan(2000);
  expect(problems.slice(0, 30), `${problems.length} of ${sent} requests answered badly`).toEqual([]);
  await context.close();
});
