import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import type { DbOrTx } from '@/db/client';
import { ports, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import type { AdminUser } from './admin-schemas';

// Never the password hash.
export const adminUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  portSlug: ports.slug,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
  openSessions: sql<number>`(select count(*)::int from sessions s where s.user_id = ${users.id} and s.ended_at is null and s.expires_at > now())`,
};

interface Row extends Omit<AdminUser, 'lastSignInAt' | 'createdAt'> {
  lastSignInAt: Date | null;
  createdAt: Date;
}

export function toAdminUser(r: Row): AdminUser {
  return { ...r, openSessions: Number(r.openSessions), lastSignInAt: r.lastSignInAt ? r.lastSignInAt.toISOString() : null, createdAt: r.createdAt.toISOString() };
}

export async function adminUserById(db: DbOrTx, id: string): Promise<AdminUser | null> {
  const [row] = await db.select(adminUserColumns).from(users).leftJoin(ports, eq(ports.id, users.portId)).where(eq(users.id, id));
  return row ? toAdminUser(row) : null;
}

export async function listUsersForAdmin(actor: Actor): Promise<AdminUser[]> {
  assertCan(actor, 'admin.users');
  const db = await getDb();
  const rows = await db
    .select(adminUserColumns)
    .from(users)
    .leftJoin(ports, eq(ports.id, users.portId))
    .orderBy(desc(users.active), asc(users.role), asc(users.name));
  return rows.map(toAdminUser);
}
