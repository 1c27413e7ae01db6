import { sql, type SQL } from 'drizzle-orm';

/**
 * A JSON array of the open or confirmed flag kinds of the appointment aliased `a`, for the
 * Appointment shape (lib/roster/queries.ts). Dismissed flags are not shown.
 */
export function flagsJsonSql(): SQL {
  return sql`coalesce((select json_agg(f.kind::text order by f.kind) from appointment_flags f
    where f.appointment_id = a.id and f.status <> 'dismissed'), '[]'::json)`;
}
