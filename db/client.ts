/**
 * One database module: PGlite (embedded, zero setup) when DATABASE_URL is unset,
 * PostgreSQL through postgres.js when it is set. Opened lazily on first use.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { dbEnv } from './env';
import * as schema from './schema';
import { gateTransactions, transactionPermits } from './transaction-gate';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** Stops one listener. */
export type Unlisten = () => Promise<void>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * LISTEN on a channel on a connection of its own (postgres.js listens again after it reconnects;
   * onListen runs each time it does); PGlite hears its own session. The returned function stops it.
   */
  listen(channel: string, onPayload: (payload: string) => void, onListen?: () => void): Promise<Unlisten>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const e = dbEnv();
  const options = {
    connect_timeout: e.DB_CONNECT_TIMEOUT_S,
    idle_timeout: 30,
    // postgres.js waits longer and longer between reconnects (up to 20 s, counted over the whole pool),
    // which after a restart of a few seconds kept requests waiting and recovery slow. Half a second at most.
    backoff: (retries: number) => Math.min(0.05 * retries, 0.5),
    onnotice: () => {},
    connection: {
      // Fail fast instead of hanging; never leave a connection idle inside a transaction.
      statement_timeout: e.DB_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: 10_000,
      lock_timeout: Math.min(e.DB_STATEMENT_TIMEOUT_MS, e.DB_LOCK_TIMEOUT_MS),
      application_name: 'port-roster',
    },
  };
  const client = postgres(url, { ...options, max: opts.max ?? e.DB_POOL_MAX });
  const max = opts.max ?? e.DB_POOL_MAX;
  const gated = gateTransactions(client, { permits: transactionPermits(max), acquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS });
  const db = drizzle({ client: gated, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    close: () => client.end({ timeout: 5 }),
    // A client of its own for each listen (postgres.js opens one connection for it, re-listening
    // after a reconnect): stopping it ends that connection, so listening again starts from nothing
    // (postgres.js's own unlisten misses a listener it re-created after a reconnect, and a re-listen
    // that failed while the server was down would otherwise never be retried).
    listen: async (channel, onPayload, onListen) => {
      const listener = postgres(url, { ...options, max: 1 });
      try {
        await listener.listen(channel, onPayload, onListen);
      } catch (error) {
        await listener.end({ timeout: 0 });
        throw error;
      }
      return () => listener.end({ timeout: 0 });
    },
  };
}

/** dataDir undefined or memory:// means in-memory (tests). */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const inMemory = !dataDir || dataDir.startsWith('memory://');
  // PGlite does not create parent folders itself.
  if (!inMemory) fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const client = inMemory ? new PGlite() : new PGlite(path.resolve(dataDir));
  await client.waitReady;
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    close: () => client.close(),
    listen: async (channel, onPayload, onListen) => {
      const unlisten = await client.listen(channel, onPayload);
      onListen?.();
      return () => unlisten();
    },
  };
}

/** The running app's connection (DATABASE_URL: a member of portroster_app on a real server). */
export async function openFromEnv(): Promise<DatabaseHandle> {
  const e = dbEnv();
  return e.DATABASE_URL ? openPostgres(e.DATABASE_URL) : openPglite(e.PGLITE_DIR);
}

/**
 * The owner's connection (MIGRATION_DATABASE_URL, else DATABASE_URL) for migrations, the seed and
 * other commands the runtime role may not run. The embedded database has one superuser anyway.
 */
export async function openOwnerFromEnv(opts: { max?: number } = {}): Promise<DatabaseHandle> {
  const e = dbEnv();
  return e.migrationUrl ? openPostgres(e.migrationUrl, opts) : openPglite(e.PGLITE_DIR);
}

/** Raw SQL results differ by driver (array vs { rows }); this gives rows either way. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
