/**
 * The running app should connect as a member of portroster_app, which cannot rewrite the audit
 * trail. Connected as a superuser or as the owner of audit_events it still runs (the embedded
 * database has only a superuser), but says so once in the log and in GET /api/v1/health.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { logWarn } from '@/lib/log';

export type DatabasePrivileges = 'least' | 'superuser' | 'owner' | 'unknown';

const holder = globalThis as unknown as { __portRosterDbPrivileges?: DatabasePrivileges };

export async function checkRuntimePrivileges(db: Db): Promise<DatabasePrivileges> {
  const [row] = await queryRows<{ superuser: boolean; owner: boolean }>(
    db,
    sql`select r.rolsuper as superuser, pg_has_role(current_user, c.relowner, 'USAGE') as owner
        from pg_roles r, pg_class c
        where r.rolname = current_user and c.oid = 'public.audit_events'::regclass`,
  );
  const privileges: DatabasePrivileges = !row ? 'unknown' : row.superuser ? 'superuser' : row.owner ? 'owner' : 'least';
  if (privileges !== 'least' && holder.__portRosterDbPrivileges === undefined) {
    logWarn({
      event: 'database_privileges',
      privileges,
      message:
        'The app is connected to the database as a superuser or the owner of audit_events, so it could rewrite the audit trail. ' +
        'Point DATABASE_URL at a login role IN ROLE portroster_app and MIGRATION_DATABASE_URL at the owner (see README, Database roles).',
    });
  }
  holder.__portRosterDbPrivileges = privileges;
  return privileges;
}

/** What the last open found; undefined before the database was first opened in this process. */
export function runtimePrivileges(): DatabasePrivileges | undefined {
  return holder.__portRosterDbPrivileges;
}
