/**
 * Edits a port: name, zone, code, grace minutes, and suspension. A suspended port takes no new
 * bookings; its existing appointments are honoured. Its limits stop counting toward the national
 * cap, so reactivating it is refused if the cap would be exceeded.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import { getDb } from '@/lib/database';
import { appointments, ports } from '@/db/schema';
import { parseInput } from '@/lib/api/validate';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { guardCapacityChange } from '@/lib/capacity/capacity-guard';
import type { AppLocale } from '@/lib/i18n/translate';
import { now, portToday } from '@/lib/time';
import { portAuditView } from './add-port';
import { UpdatePortBodySchema } from './admin-schemas';
import { portForUpdate } from './for-update';
import type { Port } from './schemas';
import { rethrowPortUniqueViolation } from './unique-violation';
import { personActor } from '@/lib/audit/actor';

export async function updatePort(actor: Actor, slug: string, input: unknown, locale: AppLocale = 'en'): Promise<Port> {
  assertCan(actor, 'admin.ports');
  const body = parseInput(UpdatePortBodySchema, input, locale);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const before = await portForUpdate(tx, slug);
      if (body.timeZone && body.timeZone !== before.timeZone) {
        // Stored service dates were derived in the old zone; moving the zone would silently shift them.
        const [booked] = await tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.portId, before.id)).limit(1);
        if (booked) {
          throw new AppError('CONFLICT', `${before.name} already has appointments whose dates were set in ${before.timeZone}; its time zone cannot change.`, {
            es: `${before.name} ya tiene citas con fechas fijadas en ${before.timeZone}; su zona horaria no se puede cambiar.`,
            fields: { timeZone: 'port already has appointments' },
          });
        }
      }
      let row = before;
      const write = async () => {
        if (Object.keys(body).length === 0) return;
        [row] = (await tx.update(ports).set(body).where(eq(ports.id, before.id)).returning()) as [typeof before];
      };
      // Only a reactivation can raise the national total; the guard names the date and numbers.
      if (body.active === true && !before.active) await guardCapacityChange(tx, before, write);
      else await write();
      const a = portAuditView(before);
      const b = portAuditView(row);
      const changed = Object.keys(b).filter((k) => a[k as keyof typeof a] !== b[k as keyof typeof b]);
      if (changed.length > 0) {
        await recordAudit(tx, personActor(actor), {
          action: body.active === false && before.active ? 'port.suspended' : body.active === true && !before.active ? 'port.reactivated' : 'port.updated',
          targetType: 'port',
          targetId: before.slug,
          portId: before.id,
          before: Object.fromEntries(changed.map((k) => [k, a[k as keyof typeof a]])),
          after: Object.fromEntries(changed.map((k) => [k, b[k as keyof typeof b]])),
        });
      }
      return { ...b, today: portToday(row.timeZone, now()) };
    });
  } catch (e) {
    rethrowPortUniqueViolation(e, { slug, code: body.code });
  }
}
