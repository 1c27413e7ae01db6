/** A single date's limit for one port (a closure is 0), and removing it again. */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import type { Tx } from '@/db/client';
import { dateLimitOverrides } from '@/db/schema';
import { parseInput } from '@/lib/api/validate';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import type { AppLocale } from '@/lib/i18n/translate';
import { portForUpdate } from '@/lib/ports/for-update';
import { AppError } from '@/lib/errors';
import { daysBetween, now, portToday } from '@/lib/time';
import { guardCapacityChange } from './capacity-guard';
import { DateLimitBodySchema, IsoDateSchema } from './schemas';
import { personActor } from '@/lib/audit/actor';

/** Limits of past dates are history (reports read them); far-off dates are a typo more often than a plan. */
export const MAX_DAYS_AHEAD = 730;

function assertEditableDate(date: string, timeZone: string): void {
  const ahead = daysBetween(portToday(timeZone, now()), date);
  if (ahead < 0) {
    throw new AppError('VALIDATION', `${date} is in the past at this port.`, { es: `${date} ya pasó en este puerto.`, fields: { date: 'in the past' } });
  }
  if (ahead > MAX_DAYS_AHEAD) {
    throw new AppError('VALIDATION', `${date} is more than ${MAX_DAYS_AHEAD} days ahead.`, {
      es: `${date} está a más de ${MAX_DAYS_AHEAD} días.`,
      fields: { date: `at most ${MAX_DAYS_AHEAD} days ahead` },
    });
  }
}

async function currentOverride(tx: Tx, portId: number, date: string) {
  const [row] = await tx
    .select({ limit: dateLimitOverrides.dailyLimit })
    .from(dateLimitOverrides)
    .where(and(eq(dateLimitOverrides.portId, portId), eq(dateLimitOverrides.serviceDate, date)));
  return row?.limit ?? null;
}

export async function setDateLimit(actor: Actor, slug: string, date: string, input: unknown, locale: AppLocale = 'en') {
  assertCan(actor, 'admin.capacity');
  const day = parseInput(z.object({ date: IsoDateSchema }), { date }, locale).date;
  const { limit } = parseInput(DateLimitBodySchema, input, locale);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const port = await portForUpdate(tx, slug);
    assertEditableDate(day, port.timeZone);
    const before = await currentOverride(tx, port.id, day);
    await guardCapacityChange(tx, port, async () => {
      await tx
        .insert(dateLimitOverrides)
        .values({ portId: port.id, serviceDate: day, dailyLimit: limit })
        .onConflictDoUpdate({ target: [dateLimitOverrides.portId, dateLimitOverrides.serviceDate], set: { dailyLimit: limit } });
    });
    await recordAudit(tx, personActor(actor), {
      action: limit === 0 ? 'capacity.date_closed' : 'capacity.date_override_set',
      targetType: 'port_date',
      targetId: `${port.slug}/${day}`,
      portId: port.id,
      before: { date: day, override: before },
      after: { date: day, override: limit },
    });
    return { ok: true as const, port: port.slug, date: day, limit, source: 'override' as const };
  });
}

/** Back to the weekday default. Removing an override that is not there changes nothing and records nothing. */
export async function deleteDateLimit(actor: Actor, slug: string, date: string, locale: AppLocale = 'en') {
  assertCan(actor, 'admin.capacity');
  const day = parseInput(z.object({ date: IsoDateSchema }), { date }, locale).date;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const port = await portForUpdate(tx, slug);
    assertEditableDate(day, port.timeZone);
    const before = await currentOverride(tx, port.id, day);
    if (before === null) return { ok: true as const, port: port.slug, date: day, removed: false };
    await guardCapacityChange(tx, port, async () => {
      await tx.delete(dateLimitOverrides).where(and(eq(dateLimitOverrides.portId, port.id), eq(dateLimitOverrides.serviceDate, day)));
    });
    await recordAudit(tx, personActor(actor), {
      action: 'capacity.date_override_removed',
      targetType: 'port_date',
      targetId: `${port.slug}/${day}`,
      portId: port.id,
      before: { date: day, override: before },
      after: { date: day, override: null },
    });
    return { ok: true as const, port: port.slug, date: day, removed: true };
  });
}
