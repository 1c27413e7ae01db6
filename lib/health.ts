import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

/** Readiness: the database answers a trivial query (and, on a server, is migrated). */
export async function checkReady(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`select 1`);
}
