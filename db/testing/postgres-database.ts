/** Create and drop a throwaway PostgreSQL database (tests, e2e, benchmarks). */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDatabase(baseUrl: string, purpose: string): Promise<{ url: string; name: string }> {
  const name = `portroster_${purpose}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(withDatabase(baseUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(baseUrl, name);
  const { openPostgres } = await import('../client');
  const { runMigrations } = await import('../migrate');
  const handle = await openPostgres(url, { max: 1 });
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
  return { url, name };
}

export async function dropTestDatabase(baseUrl: string, name: string): Promise<void> {
  const admin = postgres(withDatabase(baseUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
