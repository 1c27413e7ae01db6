/**
 * The effective daily slot limit in SQL: the date's override if there is one, else the
 * default for the ISO weekday (1 = Monday ... 7 = Sunday) of the service date, else 0.
 * Kept here (not shared with lib/capacity) so statistics read the limits in the same
 * statement as the counts they are compared with.
 *
 * Joins rather than correlated subqueries: a year of seven ports is 2,555 (port, day) pairs, and
 * subqueries per pair raise the plan's estimated cost past PostgreSQL's JIT threshold, whose
 * compilation alone then costs more than the whole query.
 */
import { sql, type SQL } from 'drizzle-orm';

/** Left joins `lo` (override) and `wl` (weekday default) for a port id and a date expression. */
export function limitJoinsSql(portId: SQL, serviceDate: SQL): SQL {
  return sql`left join date_limit_overrides lo on lo.port_id = ${portId} and lo.service_date = ${serviceDate}
    left join weekday_limits wl on wl.port_id = ${portId} and wl.iso_weekday = extract(isodow from ${serviceDate})::int`;
}

/** The limit, given limitJoinsSql in the same FROM clause. */
export const EFFECTIVE_LIMIT = sql`coalesce(lo.daily_limit, wl.daily_limit, 0)`;
