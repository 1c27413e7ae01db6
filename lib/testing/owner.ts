/**
 * The owner's connection for tests that must do what the app cannot (tamper with the audit trail
 * to prove the verifier notices). On PGlite there is one superuser connection: the app's own.
 */
import { getDb } from '@/lib/database';
import { openPostgres, type DatabaseHandle, type Db } from '@/db/client';

let owner: Promise<DatabaseHandle> | undefined;

export async function ownerDb(): Promise<Db> {
  const url = process.env.MIGRATION_DATABASE_URL;
  if (!url) return getDb();
  owner ??= openPostgres(url, { max: 2 });
  return (await owner).db;
}

export async function closeOwnerDb(): Promise<void> {
  const pending = owner;
  owner = undefined;
  if (pending) await (await pending).close();
}
