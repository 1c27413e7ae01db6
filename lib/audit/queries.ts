/**
 * The audit view: events filtered by port, actor, action and date range, newest first, paged by id.
 * Supervisors and admins only; their scope is every port (and the global chain).
 */
import 'server-only';
import { and, desc, eq, gte, ilike, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { auditEvents, ports, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { portScope } from '@/lib/auth/permissions';
import { getPortBySlug } from '@/lib/ports/queries';
import { addDays, serviceDateBounds } from '@/lib/time';
import { csvRow } from '@/lib/csv';
import type { AuditEventView, AuditList, AuditQuery } from './schemas';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

async function conditions(actor: Actor, query: AuditQuery): Promise<SQL | undefined> {
  assertCan(actor, 'audit.read');
  const parts: (SQL | undefined)[] = [];
  const scope = portScope(actor);
  if (scope !== 'all') parts.push(scope.length ? inArray(auditEvents.portId, scope) : sql`false`);
  let timeZone = 'UTC';
  if (query.port) {
    const port = await getPortBySlug(actor, query.port);
    parts.push(eq(auditEvents.portId, port.id));
    timeZone = port.timeZone;
  }
  if (query.actor) {
    const pattern = `%${escapeLike(query.actor)}%`;
    parts.push(or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(auditEvents.actorLabel, pattern)));
  }
  if (query.action) parts.push(or(eq(auditEvents.action, query.action), like(auditEvents.action, `${escapeLike(query.action)}.%`)));
  if (query.from) parts.push(gte(auditEvents.at, serviceDateBounds(query.from, timeZone).start));
  if (query.to) parts.push(lt(auditEvents.at, serviceDateBounds(addDays(query.to, 1), timeZone).start));
  if (query.before) parts.push(lt(auditEvents.id, query.before));
  return and(...parts);
}

const columns = {
  id: auditEvents.id,
  at: auditEvents.at,
  port: ports.slug,
  actor: sql<string | null>`coalesce(${users.name}, ${auditEvents.actorLabel})`,
  actorEmail: users.email,
  actorRole: auditEvents.actorRole,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  before: auditEvents.before,
  after: auditEvents.after,
  reason: auditEvents.reason,
  requestId: auditEvents.requestId,
};

async function page(where: SQL | undefined, limit: number): Promise<AuditEventView[]> {
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(ports, eq(ports.id, auditEvents.portId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

export async function listAuditEvents(actor: Actor, query: AuditQuery): Promise<AuditList> {
  const where = await conditions(actor, query);
  const rows = await page(where, query.limit + 1);
  const events = rows.slice(0, query.limit);
  return { events, nextBefore: rows.length > query.limit ? events[events.length - 1]!.id : null };
}

export const AUDIT_CSV_HEADER = ['id', 'at_utc', 'port', 'actor', 'actor_email', 'actor_role', 'action', 'target_type', 'target_id', 'reason', 'before', 'after', 'request_id'];

/**
 * Every matching event as CSV, streamed in keyset batches so an export of millions of rows never
 * sits in memory. Authorization and filters are checked before the first byte.
 */
export async function auditCsvStream(actor: Actor, query: AuditQuery, batchSize = 2_000): Promise<ReadableStream<Uint8Array>> {
  await conditions(actor, query);
  const encoder = new TextEncoder();
  let before = query.before;
  let done = false;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(AUDIT_CSV_HEADER)}`));
        return;
      }
      if (done) {
        controller.close();
        return;
      }
      const rows = await page(await conditions(actor, { ...query, before }), batchSize);
      if (rows.length < batchSize) done = true;
      if (rows.length === 0) {
        controller.close();
        return;
      }
      before = rows[rows.length - 1]!.id;
      const text = rows
        .map((e) => csvRow([e.id, e.at, e.port, e.actor, e.actorEmail, e.actorRole, e.action, e.targetType, e.targetId, e.reason, e.before, e.after, e.requestId]))
        .join('');
      controller.enqueue(encoder.encode(text));
    },
  });
}
