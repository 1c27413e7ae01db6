/** Adds a port of entry. It starts with no weekday limits (no slots) until an admin grants some. */
import 'server-only';
import { getDb } from '@/lib/database';
import { ports } from '@/db/schema';
import { parseInput } from '@/lib/api/validate';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import type { AppLocale } from '@/lib/i18n/translate';
import { now, portToday } from '@/lib/time';
import { AddPortBodySchema } from './admin-schemas';
import { rethrowPortUniqueViolation } from './unique-violation';
import type { Port } from './schemas';
import { personActor } from '@/lib/audit/actor';

const auditView = (p: typeof ports.$inferSelect) => ({
  slug: p.slug, name: p.name, state: p.state, code: p.code, timeZone: p.timeZone, graceMinutes: p.graceMinutes,
  bookingWindowDays: p.bookingWindowDays, active: p.active,
});
export { auditView as portAuditView };

export async function addPort(actor: Actor, input: unknown, locale: AppLocale = 'en'): Promise<Port> {
  assertCan(actor, 'admin.ports');
  const body = parseInput(AddPortBodySchema, input, locale);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(ports).values({ ...body, sortOrder: 1000 }).returning();
      await recordAudit(tx, personActor(actor), {
        action: 'port.created',
        targetType: 'port',
        targetId: row!.slug,
        portId: row!.id,
        before: null,
        after: auditView(row!),
      });
      return { ...auditView(row!), today: portToday(row!.timeZone, now()) };
    });
  } catch (e) {
    rethrowPortUniqueViolation(e, body);
  }
}
