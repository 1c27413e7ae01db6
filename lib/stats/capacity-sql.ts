/**
 * The effective daily slot limit in statistics reads: a join on effective_daily_limits (the one
 * SQL definition, migration 0011), so the limits are read in the same statement as the counts
 * they are compared with. Joins rather than a scalar call per (port, day): a year of seven ports is
 * 2,555 pairs, and subqueries per pair raise the plan's estimated cost past PostgreSQL's JIT
 * threshold, whose compilation alone then costs more than the whole query.
 */
import { sql, type SQL } from 'drizzle-orm';

/** Left joins `lim` for a port id and a date expression, the dates lying in [from, to]. */
export function limitJoinsSql(portId: SQL, serviceDate: SQL, from: string, to: string): SQL {
  return sql`left join effective_daily_limits(${from}::date, ${to}::date) lim on lim.port_id = ${portId} and lim.service_date = ${serviceDate}`;
}

/** The limit, given limitJoinsSql in the same FROM clause. */
export const EFFECTIVE_LIMIT = sql`coalesce(lim.daily_limit, 0)`;
