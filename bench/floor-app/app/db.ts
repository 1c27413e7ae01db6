/** One pooled postgres.js client for the floor app, opened on first use (DATABASE_URL). */
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '../../../db/schema';

let db: ReturnType<typeof drizzle<typeof schema>> | undefined;

export function floorDb() {
  db ??= drizzle({ client: postgres(process.env.DATABASE_URL!, { max: Number(process.env.DB_POOL_MAX ?? 30), idle_timeout: 2, onnotice: () => {} }), schema, casing: 'snake_case' });
  return db;
}
