/**
 * Shared by the fault specs (e2e/faults-*.spec.ts, issue 8 "Faults"): each spec gets its own
 * migrated database and starts its own `next start` instances on it (behind a TCP proxy where the
 * database must go away), so the shared servers of the suite never notice.
 */
import { expect, test, type Page } from '@playwright/test';
import postgres, { type Sql } from 'postgres';
import { signIn } from '../helpers';
import { createTestDatabase, dropTestDatabase } from '../../lib/testing/postgres-database';
import { AppInstance, BASE_DATABASE_URL, databaseUrl } from './app-instance';
import { OFFICER_PASSWORD, type PortFixture } from './fault-fixtures';

/** First of the ports the fault specs' own app instances listen on (each spec adds its offset). */
export const FIRST_PORT = Number(process.env.E2E_FAULTS_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 4);
export const ARRIVED = new Set(['checked_in', 'late']);

export interface FaultDatabase {
  readonly name: string;
  readonly sql: Sql;
}

/**
 * Registers the spec's hooks: skipped without PostgreSQL (PGlite cannot be restarted, cut off or
 * run out of connections), serial, and a fresh migrated database created before and dropped after.
 */
export function faultDatabase(label: string): FaultDatabase {
  test.skip(!BASE_DATABASE_URL, 'fault tests need a PostgreSQL server to cut off, starve and restart (TEST_DATABASE_URL)');
  test.describe.configure({ mode: 'serial' });
  let name: string | undefined;
  let client: Sql | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    name = (await createTestDatabase(BASE_DATABASE_URL, `faults_${label}`)).name;
    client = postgres(databaseUrl(name), { max: 4, onnotice: () => {} });
  });
  test.afterAll(async () => {
    await client?.end({ timeout: 5 });
    if (name) await dropTestDatabase(BASE_DATABASE_URL, name);
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the fault database is not open yet');
    return value;
  };
  return {
    get name() {
      return opened(name);
    },
    get sql() {
      return opened(client);
    },
  };
}

export interface Answer {
  started: number;
  ended: number;
  status: number;
  code?: string;
  retryAfter: string | null;
}

/** One API call, timed; a transport failure (the app not answering at all) is status 0. */
export async function call(base: string, path: string, init: { method?: string; cookie: string; body?: unknown; headers?: Record<string, string> }): Promise<Answer & { body: string }> {
  const started = Date.now();
  try {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { Cookie: init.cookie, Origin: base, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
    } catch {
      code = undefined;
    }
    return { started, ended: Date.now(), status: res.status, code, retryAfter: res.headers.get('retry-after'), body };
  } catch {
    return { started, ended: Date.now(), status: 0, retryAfter: null, body: '' };
  }
}

export async function signedInPage(page: Page, fx: PortFixture): Promise<string> {
  await signIn(page, fx.officerEmail, OFFICER_PASSWORD);
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

export function checkIn(base: string, cookie: string, id: string, key: string) {
  return call(base, `/api/v1/appointments/${id}/check-in`, { method: 'POST', cookie, body: { idempotencyKey: key } });
}

/** The driver codes the server logged with its 503s (lib/api/respond.ts), counted. */
export function driverCodes(app: AppInstance): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of app.log.join('').matchAll(/"unavailable":"?([A-Za-z0-9_]+)/g)) counts[m[1]!] = (counts[m[1]!] ?? 0) + 1;
  return counts;
}

export function expectArrivalsAudited(rows: Array<{ id: string; status: string; events: number }>) {
  const broken = rows.filter((r) => (ARRIVED.has(r.status) ? r.events !== 1 : r.events !== 0));
  expect(broken, 'arrived ⇔ exactly one arrival audit event').toEqual([]);
}
