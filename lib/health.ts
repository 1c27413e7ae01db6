import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';

/** Readiness: the database answers a trivial query (and, on a server, is migrated). */
export async function checkReady(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`select 1`);
}
