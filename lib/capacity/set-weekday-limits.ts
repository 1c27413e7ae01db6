/**
 * Sets a port's seven weekday defaults in one action and one transaction ("weekdays of San Ysidro
 * to 300 from next Monday"). With `from`, every date before it (from the port's today) whose
 * limit would change and has no override yet is pinned to its current limit as an override, so
 * the new defaults take effect exactly on `from`. Without it they apply at once to every date
 * without an override.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { dateLimitOverrides, weekdayLimits } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { parseInput } from '@/lib/api/validate';
import type { AppLocale } from '@/lib/i18n/translate';
import { portForUpdate } from '@/lib/ports/for-update';
import { AppError } from '@/lib/errors';
import { addDays, daysBetween, isoWeekday, now, portToday } from '@/lib/time';
import { guardCapacityChange } from './capacity-guard';
import { MAX_DAYS_AHEAD } from './set-date-limit';
import { WEEKDAY_KEYS, type WeekdayLimits } from './rules';
import { WeekdayLimitsBodySchema } from './schemas';
import { personActor } from '@/lib/audit/actor';

export async function setWeekdayLimits(actor: Actor, slug: string, input: unknown, locale: AppLocale = 'en') {
  assertCan(actor, 'admin.capacity');
  const body = parseInput(WeekdayLimitsBodySchema, input, locale);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const port = await portForUpdate(tx, slug);
    const rows = await tx
      .select({ isoWeekday: weekdayLimits.isoWeekday, dailyLimit: weekdayLimits.dailyLimit })
      .from(weekdayLimits)
      .where(eq(weekdayLimits.portId, port.id));
    const before = Object.fromEntries(WEEKDAY_KEYS.map((k, i) => [k, rows.find((r) => r.isoWeekday === i + 1)?.dailyLimit ?? 0])) as WeekdayLimits;
    const after = Object.fromEntries(WEEKDAY_KEYS.map((k) => [k, body[k]])) as WeekdayLimits;
    const today = portToday(port.timeZone, now());
    const pinned: string[] = [];
    if (body.from && daysBetween(today, body.from) > MAX_DAYS_AHEAD) {
      throw new AppError('VALIDATION', `The start date is more than ${MAX_DAYS_AHEAD} days ahead.`, {
        es: `La fecha de inicio está a más de ${MAX_DAYS_AHEAD} días.`,
        fields: { from: `at most ${MAX_DAYS_AHEAD} days ahead` },
      });
    }

    await guardCapacityChange(tx, port, async () => {
      if (body.from && body.from > today) {
        for (let d = today; d < body.from; d = addDays(d, 1)) {
          const key = WEEKDAY_KEYS[isoWeekday(d) - 1]!;
          if (before[key] !== after[key]) pinned.push(d);
        }
        if (pinned.length > 0) {
          const inserted = await tx
            .insert(dateLimitOverrides)
            .values(pinned.map((d) => ({ portId: port.id, serviceDate: d, dailyLimit: before[WEEKDAY_KEYS[isoWeekday(d) - 1]!] })))
            .onConflictDoNothing()
            .returning({ date: dateLimitOverrides.serviceDate });
          pinned.splice(0, pinned.length, ...inserted.map((r) => r.date).sort());
        }
      }
      await tx
        .insert(weekdayLimits)
        .values(WEEKDAY_KEYS.map((k, i) => ({ portId: port.id, isoWeekday: i + 1, dailyLimit: after[k] })))
        .onConflictDoUpdate({ target: [weekdayLimits.portId, weekdayLimits.isoWeekday], set: { dailyLimit: sql`excluded.daily_limit` } });
    });

    await recordAudit(tx, personActor(actor), {
      action: 'capacity.weekdays_set',
      targetType: 'port',
      targetId: port.slug,
      portId: port.id,
      before: { weekdays: before },
      after: { weekdays: after, from: body.from ?? null, pinnedDates: pinned },
    });
    return { ok: true as const, port: port.slug, weekdays: after, from: body.from ?? null, pinnedDates: pinned };
  });
}

