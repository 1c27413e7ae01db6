import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { ports } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, assertPortVisible } from '@/lib/auth/guard';
import { portScope } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { now, portToday } from '@/lib/time';
import type { Port } from './schemas';

const columns = {
  id: ports.id,
  slug: ports.slug,
  name: ports.name,
  state: ports.state,
  code: ports.code,
  timeZone: ports.timeZone,
  graceMinutes: ports.graceMinutes,
  bookingWindowDays: ports.bookingWindowDays,
  active: ports.active,
};

export type PortRecord = Port & { id: number };

function withToday(row: Omit<PortRecord, 'today'>, at: Date): PortRecord {
  return { ...row, today: portToday(row.timeZone, at) };
}

/** The ports an actor may see (officers: their own), in display order. */
export async function listPorts(actor: Actor): Promise<PortRecord[]> {
  assertCan(actor, 'ports.read');
  const db = await getDb();
  const scope = portScope(actor);
  if (scope !== 'all' && scope.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(ports)
    .where(scope === 'all' ? undefined : inArray(ports.id, scope))
    .orderBy(asc(ports.sortOrder), asc(ports.name));
  const at = now();
  return rows.map((r) => withToday(r, at));
}

/** One port by slug, or NOT_FOUND when it does not exist or the actor may not see it. */
export async function getPortBySlug(actor: Actor, slug: string): Promise<PortRecord> {
  const [port] = await getPortsBySlugs(actor, [slug]);
  return port!;
}

/**
 * Several ports in one query, in the order named: NOT_FOUND for the first one missing or hidden, with
 * the same words for a hidden port as for a missing one, so the answer does not tell them apart.
 */
export async function getPortsBySlugs(actor: Actor, slugs: readonly string[]): Promise<PortRecord[]> {
  const db = await getDb();
  const rows = slugs.length ? await db.select(columns).from(ports).where(inArray(ports.slug, [...slugs])) : [];
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const at = now();
  return slugs.map((slug) => {
    const row = bySlug.get(slug);
    if (!row) throw new AppError('NOT_FOUND', `No port "${slug}".`);
    assertPortVisible(actor, row.id, { message: `No port "${slug}".` });
    return withToday(row, at);
  });
}

export function toPublicPort(record: PortRecord): Port {
  const { id, ...port } = record;
  void id; // internal key, never sent to clients
  return port;
}

/** A port's id by slug whoever asks, or null: for telling a hidden port (an audited denial) from a missing one. */
export async function portIdOfSlug(slug: string): Promise<number | null> {
  const db = await getDb();
  const [row] = await db.select({ id: ports.id }).from(ports).where(eq(ports.slug, slug)).limit(1);
  return row?.id ?? null;
}
