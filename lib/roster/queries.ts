/**
 * Roster reads. PostgreSQL builds the JSON itself: the kiosk polls this every few seconds
 * at every port, so there is no per-row mapping in JavaScript.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCanAtPort, assertPortVisible } from '@/lib/auth/guard';
import { can, portScope } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { flagsJsonSql } from '@/lib/intake/flags-sql';
import { getPortBySlug, type PortRecord } from '@/lib/ports/queries';
import { searchQuery } from '@/lib/identity/keys';
import { now } from '@/lib/time';
import { normaliseConfirmationCode } from './confirmation-code';
import type { Roster, RosterQuery } from './schemas';

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (column: SQL) => sql`to_char((${column}) at time zone 'UTC', ${sql.raw(ISO_UTC)})`;

/** The status a reader sees: a scheduled appointment past its deadline is a no-show. */
export function effectiveStatusSql(at: Date): SQL {
  return sql`(case when a.status = 'scheduled' and a.scheduled_at + make_interval(mins => p.grace_minutes) < ${at.toISOString()}::timestamptz then 'no_show' else a.status::text end)`;
}

/** One JSON object per appointment, in the API's Appointment shape. */
export function appointmentJsonSql(at: Date): SQL {
  return sql`json_build_object(
    'id', a.id,
    'confirmationCode', a.confirmation_code,
    'portSlug', p.slug,
    'date', a.service_date::text,
    'scheduledAt', ${iso(sql`a.scheduled_at`)},
    'deadline', ${iso(sql`a.scheduled_at + make_interval(mins => p.grace_minutes)`)},
    'partySize', a.party_size,
    'familyName', a.family_name,
    'givenName', a.given_name,
    'nationality', a.nationality,
    'language', a.language,
    'status', ${effectiveStatusSql(at)},
    'arrivedAt', ${iso(sql`a.arrived_at`)},
    'arrivedBy', arr.name,
    'membersPresent', a.members_present,
    'outcome', case when o.appointment_id is null then null else json_build_object(
      'code', o.code, 'notes', o.notes, 'interpreterLanguage', o.interpreter_language, 'recordedAt', ${iso(sql`o.recorded_at`)}, 'recordedBy', rec.name) end,
    'flags', ${flagsJsonSql()},
    'noShowRecorded', a.status = 'no_show',
    'version', a.version
  )`;
}

/** What appointmentJsonSql reads beside the appointment row `a`, for a row that comes from elsewhere (an update's returning). */
export const APPOINTMENT_RELATIONS = sql`
  join ports p on p.id = a.port_id
  left join users arr on arr.id = a.arrived_by
  left join outcomes o on o.appointment_id = a.id
  left join users rec on rec.id = o.recorded_by`;

export const APPOINTMENT_JOINS = sql`
  from appointments a ${APPOINTMENT_RELATIONS}`;

function filterSql(query: RosterQuery, at: Date): SQL {
  const parts: SQL[] = [];
  const q = query.q?.trim();
  if (q) {
    const code = normaliseConfirmationCode(q);
    // The same fold as the stored key, compared without spaces: "Zhang Wei" finds "张伟", "delacruz" finds "De la Cruz".
    const folded = searchQuery(q);
    parts.push(
      folded
        ? sql`(a.confirmation_code = ${code} or replace(a.search_key, ' ', '') like ${`%${escapeLike(folded)}%`})`
        : sql`a.confirmation_code = ${code}`,
    );
  }
  if (query.status?.length) {
    parts.push(sql`${effectiveStatusSql(at)} in (${sql.join(query.status.map((s) => sql`${s}`), sql`, `)})`);
  }
  return parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The whole roster response as JSON text, built once by PostgreSQL, with the port looked up by slug in
 * the same statement (one round trip): counts over the whole day, rows filtered by q and status. The
 * port's "today" (the default date) is its local date at `at`. `readable` is the caller's access rule
 * as SQL over the port row `rp`: where it is false the body is null and nothing is read. No row: no
 * such port. Route handlers send the body as it is.
 */
export function rosterJsonSql(slug: string, date: string | undefined, query: RosterQuery, at: Date, readable: SQL = sql`true`): SQL {
  const day = date ? sql`${date}::date` : sql`rp.today`;
  return sql`with rp as (
      select id, slug, name, state, code, time_zone, grace_minutes, booking_window_days, active,
        (${at.toISOString()}::timestamptz at time zone time_zone)::date as today
      from ports where slug = ${slug})
    select rp.id as port_id, case when ${readable} then json_build_object(
      'port', json_build_object('slug', rp.slug, 'name', rp.name, 'state', rp.state, 'code', rp.code, 'timeZone', rp.time_zone,
        'graceMinutes', rp.grace_minutes, 'bookingWindowDays', rp.booking_window_days, 'active', rp.active, 'today', rp.today::text),
      'date', (${day})::text,
      'counts', (select json_build_object(
          'scheduled', count(*) filter (where s = 'scheduled'),
          'checked_in', count(*) filter (where s = 'checked_in'),
          'late', count(*) filter (where s = 'late'),
          'no_show', count(*) filter (where s = 'no_show'),
          'processed', count(*) filter (where s = 'processed'),
          'cancelled', count(*) filter (where s = 'cancelled'))
        from (select ${effectiveStatusSql(at)} as s from appointments a join ports p on p.id = a.port_id
              where a.port_id = rp.id and a.service_date = ${day}) c),
      'appointments', (select coalesce(json_agg(${appointmentJsonSql(at)} order by a.scheduled_at, a.confirmation_code), '[]'::json)
         ${APPOINTMENT_JOINS}
         where a.port_id = rp.id and a.service_date = ${day}${filterSql(query, at)})
    )::text end as body
    from rp`;
}

/** The port whose roster the actor may read (NOT_FOUND otherwise): the roster's whole access check. */
export async function rosterPort(actor: Actor, slug: string): Promise<PortRecord> {
  const port = await getPortBySlug(actor, slug);
  assertCanAtPort(actor, 'roster.read', port.id);
  return port;
}

/** rosterPort's rule as SQL over the port row `rp`, so the roster is read in the lookup's round trip. */
function readableSql(actor: Actor): SQL {
  const scope = portScope(actor);
  const ports = scope === 'all' ? sql`true` : scope.length ? sql`rp.id in (${sql.join(scope.map((id) => sql`${id}::int`), sql`, `)})` : sql`false`;
  return sql`${can(actor.role, 'roster.read')}::boolean and ${ports}`;
}

/** The roster of one port and service date as the API's JSON text: one statement, rosterPort's checks. */
export async function getRosterJson(actor: Actor, slug: string, query: RosterQuery): Promise<string> {
  const db = await getDb();
  const [row] = await queryRows<{ port_id: number; body: string | null }>(db, rosterJsonSql(slug, query.date, query, now(), readableSql(actor)));
  // The same answers, words and audited denials as rosterPort (getPortBySlug, then the roster right).
  if (!row) throw new AppError('NOT_FOUND', `No port "${slug}".`);
  assertPortVisible(actor, row.port_id, { message: `No port "${slug}".` });
  assertCanAtPort(actor, 'roster.read', row.port_id);
  if (row.body === null) throw new Error('roster withheld by SQL although the access checks passed');
  return row.body;
}

/** The same roster as an object, for server-rendered pages. */
export async function getRoster(actor: Actor, slug: string, query: RosterQuery): Promise<Roster> {
  return JSON.parse(await getRosterJson(actor, slug, query)) as Roster;
}
