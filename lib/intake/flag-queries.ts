/** The review queue: open flags with the appointment and the linked appointments, newest first. */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, assertPortVisible } from '@/lib/auth/guard';
import { portScope } from '@/lib/auth/permissions';

export interface FlagAppointment {
  id: string;
  confirmationCode: string;
  portSlug: string;
  portName: string;
  date: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  nationality: string;
  status: string;
  /** The port's IANA zone, to show times port-local. */
  timeZone: string;
}

export interface FlagQueueItem {
  id: string;
  kind: 'multiple_bookings' | 'identity_match' | 'repeated_reference' | 'offline_tap';
  createdAt: string;
  /** Why detection linked them (lib/identity/near-match.ts reasons, same_person, document_other_name, ...). */
  matchReasons: string[];
  appointment: FlagAppointment;
  linked: FlagAppointment[];
}

const appt = (x: string) =>
  sql.raw(`json_build_object('id', ${x}.id, 'confirmationCode', ${x}.confirmation_code, 'portSlug', ${x}p.slug, 'portName', ${x}p.name,
    'date', ${x}.service_date::text, 'familyName', ${x}.family_name, 'givenName', ${x}.given_name,
    'dateOfBirth', ${x}.date_of_birth::text, 'nationality', ${x}.nationality, 'status', ${x}.status::text, 'timeZone', ${x}p.time_zone)`);

export async function listOpenFlags(actor: Actor, limit = 100): Promise<FlagQueueItem[]> {
  assertCan(actor, 'flags.review');
  const db = await getDb();
  const rows = await queryRows<{ item: FlagQueueItem | string }>(
    db,
    sql`select json_build_object('id', f.id, 'kind', f.kind, 'createdAt', f.created_at, 'matchReasons', coalesce(f.match_reasons, '{}'), 'appointment', ${appt('a')},
          'linked', coalesce((select json_agg(${appt('b')} order by b.service_date) from appointments b join ports bp on bp.id = b.port_id
                     where b.id = any(f.linked_appointment_ids)), '[]'::json)) as item
        from appointment_flags f join appointments a on a.id = f.appointment_id join ports ap on ap.id = a.port_id
        where f.status = 'open' order by f.created_at desc, f.id limit ${limit}`,
  );
  return rows.map((r) => (typeof r.item === 'string' ? (JSON.parse(r.item) as FlagQueueItem) : r.item));
}

/** An offline_tap flag keeps both times in its reasons (lib/roster/replay.ts): when tapped, when received. */
export function offlineTapTimes(matchReasons: string[]): { recordedAt: string; receivedAt: string } | null {
  const pick = (prefix: string) => matchReasons.find((r) => r.startsWith(prefix))?.slice(prefix.length);
  const recordedAt = pick('recorded_offline_at:');
  const receivedAt = pick('received_at:');
  return recordedAt && receivedAt ? { recordedAt, receivedAt } : null;
}

export interface AppointmentFlag {
  id: string;
  kind: FlagQueueItem['kind'];
  status: 'open' | 'confirmed' | 'dismissed';
  reason: string | null;
  matchReasons: string[];
  /** Linked appointments the actor may see; officers never see another port's people. */
  linked: FlagAppointment[];
  /** Linked appointments left out because they are at ports the actor may not see. */
  hiddenLinked: number;
}

/** The flags of one appointment with their linked appointments, for the appointment record. */
export async function getAppointmentFlags(actor: Actor, appointmentId: string): Promise<AppointmentFlag[]> {
  assertCan(actor, 'appointment.read');
  const db = await getDb();
  const [owner] = await queryRows<{ port_id: number }>(db, sql`select port_id from appointments where id = ${appointmentId}`);
  if (!owner) return [];
  assertPortVisible(actor, owner.port_id);
  const scope = portScope(actor);
  const visible = scope === 'all' ? sql`true` : sql`b.port_id = any(${sql`array[${sql.join([...scope, -1].map((id) => sql`${id}`), sql`, `)}]::int[]`})`;
  const rows = await queryRows<{ item: AppointmentFlag | string }>(
    db,
    sql`select json_build_object('id', f.id, 'kind', f.kind, 'status', f.status, 'reason', f.reason, 'matchReasons', coalesce(f.match_reasons, '{}'),
          'linked', coalesce((select json_agg(${appt('b')} order by b.service_date) from appointments b join ports bp on bp.id = b.port_id
                     where b.id = any(f.linked_appointment_ids) and ${visible}), '[]'::json),
          'hiddenLinked', (select count(*) from appointments b where b.id = any(f.linked_appointment_ids) and not (${visible}))) as item
        from appointment_flags f where f.appointment_id = ${appointmentId} order by f.kind`,
  );
  return rows.map((r) => (typeof r.item === 'string' ? (JSON.parse(r.item) as AppointmentFlag) : r.item));
}
