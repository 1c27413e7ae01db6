/**
 * Migrating a database the way every entry point does (the migrate command, the embedded database on
 * open, test databases): the schema's SQL migrations (db/migrate.ts), then the data steps that need
 * the app's own rules and keys and are idempotent, so they run every time.
 */
import 'server-only';
import { applySchemaMigrations } from '@/db/migrate';
import type { DatabaseHandle } from '@/db/client';
import { auditKeyring } from '@/lib/audit/keys';
import { rechainLegacyAuditEvents } from '@/lib/audit/rechain';
import { recomputeIdentityKeys } from '@/lib/identity/recompute';

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  await applySchemaMigrations(handle);
  await rechainLegacyAuditEvents(handle.db, auditKeyring); // events from before the keyed chain (issue 13)
  await recomputeIdentityKeys(handle.db);
}
