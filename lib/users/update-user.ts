/**
 * Changes an account: name, role, port, active, or a password reset. Role changes take effect on
 * the person's next request (sessions re-read the user each time); a deactivation or a password
 * reset ends their open sessions for good (a reset also forces a new password at next sign-in).
 * The last active administrator can be neither deactivated nor demoted (LAST_ADMIN).
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { users } from '@/db/schema';
import { parseInput } from '@/lib/api/validate';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { endUserSessions } from '@/lib/auth/end-sessions';
import { assertCan } from '@/lib/auth/guard';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/translate';
import { adminUserById } from './admin-queries';
import { UserChangeSchema, type AdminUser } from './admin-schemas';
import { portIdBySlug, userAuditView } from './create-user';
import { personActor } from '@/lib/audit/actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function updateUser(actor: Actor, id: string, input: unknown, locale: AppLocale = 'en'): Promise<AdminUser> {
  assertCan(actor, 'admin.users');
  const body = parseInput(UserChangeSchema, input, locale);
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', 'No such user.', { es: 'No existe ese usuario.' });
  const passwordHash = body.password ? await hashPassword(body.password) : undefined;
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Lock every active admin row first (in id order, so concurrent edits cannot deadlock):
    // two admins demoting each other at once must not leave nobody.
    const admins = await queryRows<{ id: string }>(tx, sql`select id from users where role = 'admin' and active order by id for update`);
    const [target] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!target) throw new AppError('NOT_FOUND', 'No such user.', { es: 'No existe ese usuario.' });
    const before = (await adminUserById(tx, id))!;

    const role = body.role ?? target.role;
    const active = body.active ?? target.active;
    const losesAdmin = target.role === 'admin' && target.active && (role !== 'admin' || !active);
    if (losesAdmin && admins.length <= 1) {
      throw new AppError('LAST_ADMIN', `${target.name} is the last active administrator and cannot be deactivated or given another role.`, {
        es: `${target.name} es el último administrador activo y no se puede desactivar ni cambiar de rol.`,
      });
    }

    let portId = target.portId;
    if (body.portSlug !== undefined) portId = body.portSlug === null ? null : await portIdBySlug(tx, body.portSlug);
    if (role !== 'officer' && body.portSlug === undefined) portId = null;
    if (role === 'officer' && portId === null) {
      throw new AppError('VALIDATION', 'An officer needs a port.', { es: 'Un oficial necesita un puerto.', fields: { portSlug: 'an officer needs a port' } });
    }

    await tx
      .update(users)
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        role,
        active,
        portId: role === 'officer' ? portId : null,
        ...(passwordHash ? { passwordHash, mustChangePassword: true } : {}),
      })
      .where(eq(users.id, id));
    // A reset or a deactivation ends every session of the person for good (reactivation revives none).
    const endReason = passwordHash ? 'password_reset' : !active && target.active ? 'deactivated' : null;
    if (endReason) await endUserSessions(tx, id, endReason, personActor(actor), target.portId ?? portId);
    const after = (await adminUserById(tx, id))!;
    const action = passwordHash
      ? 'user.password_reset'
      : body.active === false && target.active
        ? 'user.deactivated'
        : body.active === true && !target.active
          ? 'user.reactivated'
          : 'user.updated';
    await recordAudit(tx, personActor(actor), {
      action,
      targetType: 'user',
      targetId: id,
      portId: target.portId ?? portId,
      before: userAuditView(before),
      after: { ...userAuditView(after), ...(passwordHash ? { passwordReset: true } : {}) },
    });
    return after;
  });
}
