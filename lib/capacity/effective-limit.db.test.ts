/**
 * The effective daily limit has one SQL definition (effective_daily_limits / effective_daily_limit,
 * migration 0011) used by every query, and one TS twin (effectiveLimit in rules.ts) for pure
 * arithmetic: the two must agree on every kind of day.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { dateLimitOverrides, weekdayLimits } from '@/db/schema';
import { createPort } from '@/lib/testing/factories';
import { addDays, type IsoDate } from '@/lib/time';
import { effectiveLimit, WEEKDAY_KEYS, type WeekdayLimits } from './rules';
import { readNationalCap } from './queries';

describe('effective daily limit: SQL function and TS twin', () => {
  it('agree on weekday defaults, missing weekdays, overrides (0 included) and a port without any limit', async () => {
    const db = await getDb();
    const port = await createPort();
    const bare = await createPort();
    // Tuesday and Sunday have no default: no slots unless overridden.
    const weekdays: Partial<WeekdayLimits> = { mon: 10, wed: 0, thu: 7, fri: 12, sat: 3 };
    await db.insert(weekdayLimits).values(
      WEEKDAY_KEYS.flatMap((k, i) => (weekdays[k] === undefined ? [] : [{ portId: port.id, isoWeekday: i + 1, dailyLimit: weekdays[k] }])),
    );
    const from: IsoDate = '2026-02-23'; // a Monday, across a leap-free February end
    const overrides = new Map<IsoDate, number>([
      ['2026-02-24', 5], // a Tuesday without default, opened
      ['2026-02-27', 0], // a Friday, closed
      ['2026-03-01', 9], // a Sunday
      ['2026-03-04', 0], // a Wednesday whose default is 0 anyway
    ]);
    await db.insert(dateLimitOverrides).values([...overrides].map(([serviceDate, dailyLimit]) => ({ portId: port.id, serviceDate, dailyLimit })));
    const to = addDays(from, 20);
    const rows = await queryRows<{ port_id: number; date: string; daily_limit: number; source: string; scalar: number }>(
      db,
      sql`select l.port_id, l.service_date::text as date, l.daily_limit, l.source,
          effective_daily_limit(l.port_id, l.service_date) as scalar
        from effective_daily_limits(${from}::date, ${to}::date) l
        where l.port_id in (${port.id}, ${bare.id}) order by l.port_id, l.service_date`,
    );
    expect(rows).toHaveLength(2 * 21);
    for (const r of rows) {
      const twin = r.port_id === port.id ? effectiveLimit(r.date, weekdays, overrides) : effectiveLimit(r.date, {}, new Map());
      expect({ limit: r.daily_limit, source: r.source }, `${r.port_id} ${r.date}`).toEqual(twin);
      expect(r.scalar, `${r.port_id} ${r.date} scalar`).toBe(twin.limit);
    }
    expect(rows.filter((r) => r.port_id === port.id).map((r) => r.daily_limit).slice(0, 8)).toEqual([10, 5, 0, 7, 0, 3, 9, 10]);
    const [missing] = await queryRows<{ n: number }>(db, sql`select effective_daily_limit(-1, '2026-03-02') as n`);
    expect(missing!.n).toBe(0);
  });

  it('reads the national cap through the same SQL function the booking path uses', async () => {
    const db = await getDb();
    const [row] = await queryRows<{ cap: number; stored: number | null }>(
      db,
      sql`select national_daily_cap() as cap, (select daily_cap from national_cap where id = 1) as stored`,
    );
    expect(row!.cap).toBe(row!.stored ?? 1000);
    expect(await readNationalCap(db)).toBe(row!.cap);
  });
});
