/**
 * The database's own limits end in "unavailable" (503), never in a hang or a 500: lock_timeout,
 * statement_timeout and the bounded wait for a pooled connection (db/transaction-gate.ts), each
 * through lib/errors.ts's vocabulary (this is why the test lives in lib/, above db/).
 * PostgreSQL only: PGlite has one connection and no server-side timeouts.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseBusyError } from '@/db/errors';
import { errorResponse } from '@/lib/api/respond';
import { isDatabaseUnavailable, unavailableCode } from '@/lib/errors';
import { resetEnvCache } from '@/lib/env';
import { openPostgres, type DatabaseHandle } from '@/db/client';

const url = process.env.DATABASE_URL;
const table = `timeouts_probe_${process.pid}`;

// Skipped on embedded PGlite (no DATABASE_URL): it has a single connection, so there is no pool to
// exhaust and no second session to hold a lock, and it has no server-side statement or lock timeouts.
describe.skipIf(!url)('database limits become UNAVAILABLE', () => {
  let handle: DatabaseHandle;
  let other: postgres.Sql;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { DB_LOCK_TIMEOUT_MS: '200', DB_STATEMENT_TIMEOUT_MS: '400', DB_ACQUIRE_TIMEOUT_MS: '200' });
    resetEnvCache();
    handle = await openPostgres(url!, { max: 2 });
    // The probe table is the owner's (the app's role may not create tables); the app gets its rights by default privileges.
    other = postgres(process.env.MIGRATION_DATABASE_URL || url!, { max: 1, onnotice: () => {} });
    await other.unsafe(`create table ${table} (id int primary key)`);
    await other.unsafe(`insert into ${table} values (1)`);
  });

  afterAll(async () => {
    await other.unsafe(`drop table if exists ${table}`);
    await other.end();
    await handle.close();
    process.env = saved;
    resetEnvCache();
  });

  it('a lock held elsewhere ends with lock_timeout (55P03)', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = other.begin(async (tx) => {
      await tx.unsafe(`select id from ${table} where id = 1 for update`);
      locked();
      await held;
    });
    await isLocked;
    const error = await handle.db
      .transaction(async (tx) => tx.execute(sql.raw(`select id from ${table} where id = 1 for update`)))
      .catch((e: unknown) => e);
    release();
    await holder;
    expect(unavailableCode(error)).toBe('55P03');
  });

  it('a statement that runs too long ends with statement_timeout (57014)', async () => {
    const error = await handle.db.execute(sql`select pg_sleep(2)`).catch((e: unknown) => e);
    expect(unavailableCode(error)).toBe('57014');
  });

  it('a transaction that finds every connection busy gives up with 503 instead of queueing', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const isStarted = new Promise<void>((r) => (started = r));
    const first = handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      started();
      await held;
    });
    await isStarted;
    const error = await handle.db.transaction(async (tx) => tx.execute(sql`select 1`)).catch((e: unknown) => e);
    // Single statements still run on the connection kept outside transactions.
    const [row] = (await handle.db.execute(sql`select 1 as one`)) as unknown as Array<{ one: number }>;
    release();
    await first;
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // The API answers it as 503 with a short Retry-After, in the product's error shape and words.
    const response = errorResponse(error, 'es');
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('2');
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('UNAVAILABLE');
    expect(body.error.message).toMatch(/conexiones/);
    expect(row?.one).toBe(1);
  });
});
