/** Creates an account whose first password must be changed at first sign-in. */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import type { Tx } from '@/db/client';
import { ports, users } from '@/db/schema';
import { parseInput } from '@/lib/api/validate';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { hashPassword } from '@/lib/auth/password';
import { AppError, uniqueViolationOf } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/translate';
import { adminUserById } from './admin-queries';
import { NewUserSchema, type AdminUser } from './admin-schemas';
import { personActor } from '@/lib/audit/actor';

export async function portIdBySlug(tx: Tx, slug: string): Promise<number> {
  const [port] = await tx.select({ id: ports.id }).from(ports).where(eq(ports.slug, slug));
  if (!port) {
    throw new AppError('VALIDATION', `No port "${slug}".`, { es: `No existe el puerto "${slug}".`, fields: { portSlug: 'unknown port' } });
  }
  return port.id;
}

/** Audit view of an account: never the hash. */
export const userAuditView = (u: AdminUser) => ({ email: u.email, name: u.name, role: u.role, portSlug: u.portSlug, active: u.active, mustChangePassword: u.mustChangePassword });

export async function createUser(actor: Actor, input: unknown, locale: AppLocale = 'en'): Promise<AdminUser> {
  assertCan(actor, 'admin.users');
  const body = parseInput(NewUserSchema, input, locale);
  const passwordHash = await hashPassword(body.password);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const portId = body.role === 'officer' && body.portSlug ? await portIdBySlug(tx, body.portSlug) : null;
      const [row] = await tx
        .insert(users)
        .values({ email: body.email, name: body.name, role: body.role, portId, passwordHash, mustChangePassword: true, locale: actor.locale })
        .returning({ id: users.id });
      const user = (await adminUserById(tx, row!.id))!;
      await recordAudit(tx, personActor(actor), { action: 'user.created', targetType: 'user', targetId: user.id, portId, before: null, after: userAuditView(user) });
      return user;
    });
  } catch (e) {
    if (uniqueViolationOf(e)) {
      throw new AppError('VALIDATION', `An account with the email ${body.email} already exists.`, {
        es: `Ya existe una cuenta con el correo ${body.email}.`,
        fields: { email: 'already in use' },
      });
    }
    throw e;
  }
}
