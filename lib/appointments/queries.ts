/**
 * The appointment record: one appointment with its person, booking, outcome and history.
 * Port scope is enforced here: an appointment of a port the actor may not see is NOT_FOUND.
 */
import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows, type DbOrTx } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanAtPort } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { APPOINTMENT_JOINS, appointmentJsonSql } from '@/lib/roster/queries';
import { now } from '@/lib/time';
import { maskDocumentNumber } from './rules';
import type { AppointmentDetail, HistoryEntry, RecordAppointment } from './schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertAppointmentId(id: string): void {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', 'No such appointment.', { es: 'No existe esa cita.' });
}

const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

interface RecordRow {
  j: RecordAppointment | string;
  port_id: number;
  port_slug: string;
  port_name: string;
  time_zone: string;
  date_of_birth: string;
  document_number: string | null;
  external_ref: string | null;
}

async function readRecord(db: DbOrTx, id: string, at: Date): Promise<RecordRow | undefined> {
  const [row] = await queryRows<RecordRow>(
    db,
    sql`select ${appointmentJsonSql(at)} as j, a.port_id, p.slug as port_slug, p.name as port_name, p.time_zone,
          a.date_of_birth::text as date_of_birth, a.document_number, a.external_ref
        ${APPOINTMENT_JOINS} where a.id = ${id}`,
  );
  return row;
}

/** The appointment as any reader sees it at `at` (no scope check: callers have loaded it scoped). */
export async function recordAppointmentById(db: DbOrTx, id: string, at: Date = now()): Promise<RecordAppointment> {
  const row = await readRecord(db, id, at);
  if (!row) throw new AppError('NOT_FOUND', 'No such appointment.', { es: 'No existe esa cita.' });
  return parse(row.j);
}

/** Newest first: everything the audit trail holds about this appointment. */
export async function appointmentHistory(db: DbOrTx, id: string): Promise<HistoryEntry[]> {
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actor: sql<string | null>`coalesce(${users.name}, ${auditEvents.actorLabel})`,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
      before: auditEvents.before,
      after: auditEvents.after,
      reason: auditEvents.reason,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.targetType, 'appointment'), eq(auditEvents.targetId, id)))
    .orderBy(desc(auditEvents.id))
    .limit(500);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/** The record without its history: the record page's shell (its access check) reads this first. */
export async function getAppointmentRecord(actor: Actor, id: string): Promise<Omit<AppointmentDetail, 'history'>> {
  assertAppointmentId(id);
  const db = await getDb();
  const row = await readRecord(db, id, now());
  if (!row) throw new AppError('NOT_FOUND', 'No such appointment.', { es: 'No existe esa cita.' });
  assertCanAtPort(actor, 'appointment.read', row.port_id);
  return {
    appointment: parse(row.j),
    person: { dateOfBirth: row.date_of_birth, documentNumber: maskDocumentNumber(row.document_number), externalRef: row.external_ref },
    port: { slug: row.port_slug, name: row.port_name, timeZone: row.time_zone },
  };
}

/** The history alone, scoped like the record: the record page streams it after its shell. */
export async function getAppointmentHistory(actor: Actor, id: string): Promise<HistoryEntry[]> {
  assertAppointmentId(id);
  const db = await getDb();
  const [owner] = await queryRows<{ port_id: number }>(db, sql`select port_id from appointments where id = ${id}`);
  if (!owner) throw new AppError('NOT_FOUND', 'No such appointment.', { es: 'No existe esa cita.' });
  assertCanAtPort(actor, 'appointment.read', owner.port_id);
  return appointmentHistory(db, id);
}

export async function getAppointmentDetail(actor: Actor, id: string): Promise<AppointmentDetail> {
  const record = await getAppointmentRecord(actor, id);
  return { ...record, history: await appointmentHistory(await getDb(), id) };
}
