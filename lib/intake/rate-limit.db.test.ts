/** The intake API limit at a window boundary and across keys, counted in the database. */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { resetEnvCache } from '@/lib/env';
import { countRequestSql, currentWindow, isOverLimit } from './rate-limit';
import { createIntakeKey } from './testing';

async function accepted(keyId: string, at: Date, n: number): Promise<number> {
  const db = await getDb();
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const w = currentWindow(at);
    const { cte, total } = countRequestSql(keyId, w);
    const [row] = await queryRows<{ total: number }>(db, sql`with ${cte} select ${total} as total`);
    if (!isOverLimit(row?.total)) ok++;
  }
  return ok;
}

function limits(perKey: number, global: number) {
  process.env.INTAKE_RATE_LIMIT_PER_MINUTE = String(perKey);
  process.env.INTAKE_GLOBAL_RATE_LIMIT_PER_MINUTE = String(global);
  resetEnvCache();
}

afterEach(() => {
  delete process.env.INTAKE_RATE_LIMIT_PER_MINUTE;
  delete process.env.INTAKE_GLOBAL_RATE_LIMIT_PER_MINUTE;
  resetEnvCache();
});

// A minute boundary far from the real clock, so other tests' global counts do not interfere.
const boundary = Date.UTC(2031, 0, 1, 12, 0, 0) + Math.floor(Math.random() * 1000) * 60_000;

describe('intake rate limit', () => {
  it('allows no double burst across a window boundary (sliding window)', async () => {
    limits(20, 1_000_000);
    const key = await createIntakeKey();
    const before = await accepted(key.keyId, new Date(boundary - 500), 20);
    const after = await accepted(key.keyId, new Date(boundary + 500), 20);
    console.info(`[figures] limit 20/min: ${before} accepted just before the boundary, ${after} just after`);
    expect(before).toBe(20);
    // A fixed window would accept 20 more here (40 in one second).
    expect(after).toBeLessThanOrEqual(1);
    // Refused requests count too, so hammering keeps a client out; a client that waits half a
    // minute after a full minute gets about half the limit back, as half of that minute slid out.
    const patient = await createIntakeKey();
    expect(await accepted(patient.keyId, new Date(boundary - 500), 20)).toBe(20);
    const later = await accepted(patient.keyId, new Date(boundary + 30_000), 20);
    expect(later).toBeGreaterThanOrEqual(9);
    expect(later).toBeLessThanOrEqual(11);
  });

  it('caps all keys together', async () => {
    limits(10, 15);
    const a = await createIntakeKey();
    const b = await createIntakeKey();
    const at = new Date(boundary + 3 * 60_000 + 1000);
    expect(await accepted(a.keyId, at, 10)).toBe(10);
    const second = await accepted(b.keyId, at, 10);
    console.info(`[figures] global cap 15/min: the second key got ${second} of 10`);
    expect(second).toBe(5);
  });
});
