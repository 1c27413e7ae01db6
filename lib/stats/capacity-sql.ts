/**
 * The effective daily slot limit in SQL: the date's override if there is one, else the
 * default for the ISO weekday (1 = Monday ... 7 = Sunday) of the service date, else 0.
 * Kept here (not shared with lib/capacity) so statistics read the limits the same way in
 * one statement as the counts they are compared with.
 */
import { sql, type SQL } from 'drizzle-orm';

export function effectiveLimitSql(portId: SQL, serviceDate: SQL): SQL {
  return sql`coalesce(
    (select lo.daily_limit from date_limit_overrides lo where lo.port_id = ${portId} and lo.service_date = ${serviceDate}),
    (select wl.daily_limit from weekday_limits wl where wl.port_id = ${portId} and wl.iso_weekday = extract(isodow from ${serviceDate})::int),
    0)`;
}
