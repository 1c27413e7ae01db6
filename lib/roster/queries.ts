/**
 * Roster reads. PostgreSQL builds the JSON itself: the kiosk polls this every few seconds
 * at every port, so there is no per-row mapping in JavaScript.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCanAtPort } from '@/lib/auth/guard';
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

export const APPOINTMENT_JOINS = sql`
  from appointments a
  join ports p on p.id = a.port_id
  left join users arr on arr.id = a.arrived_by
  left join outcomes o on o.appointment_id = a.id
  left join users rec on rec.id = o.recorded_by`;

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

/** Port fields as the API shows them, built by PostgreSQL with the port-local date passed in. */
function portJsonSql(port: PortRecord): SQL {
  return sql`json_build_object('slug', ${port.slug}::text, 'name', ${port.name}::text, 'state', ${port.state}::text, 'code', ${port.code}::text,
    'timeZone', ${port.timeZone}::text, 'graceMinutes', ${port.graceMinutes}::int,
    'bookingWindowDays', ${port.bookingWindowDays}::int, 'active', ${port.active}::boolean, 'today', ${port.today}::text)`;
}

/**
 * The whole roster response as JSON text, built once by PostgreSQL: counts over the whole
 * day, rows filtered by q and status. Route handlers send this text as it is.
 */
export function rosterJsonSql(port: PortRecord, date: string, query: RosterQuery, at: Date): SQL {
  return sql`select json_build_object(
      'port', ${portJsonSql(port)},
      'date', ${date}::text,
      'counts', (select json_build_object(
          'scheduled', count(*) filter (where s = 'scheduled'),
          'checked_in', count(*) filter (where s = 'checked_in'),
          'late', count(*) filter (where s = 'late'),
          'no_show', count(*) filter (where s = 'no_show'),
          'processed', count(*) filter (where s = 'processed'),
          'cancelled', count(*) filter (where s = 'cancelled'))
        from (select ${effectiveStatusSql(at)} as s from appointments a join ports p on p.id = a.port_id
              where a.port_id = ${port.id} and a.service_date = ${date}) c),
      'appointments', (select coalesce(json_agg(${appointmentJsonSql(at)} order by a.scheduled_at, a.confirmation_code), '[]'::json)
         ${APPOINTMENT_JOINS}
         where a.port_id = ${port.id} and a.service_date = ${date}${filterSql(query, at)})
    )::text as body`;
}

/** The roster of one port and service date as the API's JSON text. */
/** The port whose roster the actor may read (NOT_FOUND otherwise): the roster's whole access check. */
export async function rosterPort(actor: Actor, slug: string): Promise<PortRecord> {
  const port = await getPortBySlug(actor, slug);
  assertCanAtPort(actor, 'roster.read', port.id);
  return port;
}

export async function getRosterJson(actor: Actor, slug: string, query: RosterQuery): Promise<string> {
  const port = await rosterPort(actor, slug);
  const db = await getDb();
  const [row] = await queryRows<{ body: string }>(db, rosterJsonSql(port, query.date ?? port.today, query, now()));
  return row!.body;
}

/** The same roster as an object, for server-rendered pages. */
export async function getRoster(actor: Actor, slug: string, query: RosterQuery): Promise<Roster> {
  return JSON.parse(await getRosterJson(actor, slug, query)) as Roster;
}
