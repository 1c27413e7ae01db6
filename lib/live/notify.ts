/**
 * Roster-visible changes announced to every app instance through PostgreSQL NOTIFY. The notify runs
 * inside the transaction of the change, so PostgreSQL delivers it at commit and a rolled-back change
 * announces nothing. The payload carries ids only (never a name or a document): listeners refetch
 * what they are allowed to see through the ordinary, scoped reads.
 */
import { sql, type SQL } from 'drizzle-orm';

export const PORT_EVENTS_CHANNEL = 'port_events';

/** What changed, as coarse as the client needs to pick what to refetch. */
export type PortChangeKind = 'arrival' | 'outcome' | 'booking' | 'flag' | 'capacity' | 'port';

export interface PortChange {
  /** null: every port (the national cap). */
  portId: number | null;
  appointmentId?: string | null;
  kind: PortChangeKind;
}

/** The wire payload (short keys: NOTIFY payloads are limited to 8000 bytes; this is well under 200). */
export interface PortEventPayload {
  /** port id, null for all ports */
  p: number | null;
  k: PortChangeKind;
  /** appointment id */
  a?: string;
  /** the appointment's service date (YYYY-MM-DD), so a client showing another day need not refetch */
  d?: string;
}

/**
 * The SQL expression that queues the announcement of one change, for a statement the change's
 * transaction runs anyway (recordAudit puts it in its chain-head read, so the check-in path pays no
 * extra round trip). The service date is read in the same expression.
 */
export function portChangeNotification(change: PortChange): SQL {
  // Only a well-formed id is cast: a notify must never be what makes a change fail.
  const appointmentId = change.appointmentId && UUID.test(change.appointmentId) ? change.appointmentId : null;
  return sql`pg_notify(${PORT_EVENTS_CHANNEL}, json_strip_nulls(json_build_object(
      'p', ${change.portId}::int,
      'k', ${change.kind}::text,
      'a', ${appointmentId}::uuid,
      'd', (select service_date::text from appointments where id = ${appointmentId}::uuid)
    ))::text)`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Audit actions that change what a roster, a record or the day's figures show, and their kind. */
const KIND_OF_ACTION: Array<[RegExp, PortChangeKind]> = [
  [/^appointment\.(checked_in|arrived_late|no_show_marked|arrival_undone)$/, 'arrival'],
  [/^appointment\.(outcome_recorded|corrected)$/, 'outcome'],
  [/^appointment\.(book|cancel)$|^roster\.import$/, 'booking'],
  [/^flag\./, 'flag'],
  [/^capacity\./, 'capacity'],
  [/^port\.(updated|suspended|reactivated)$/, 'port'],
];

export function portChangeKindOf(action: string): PortChangeKind | null {
  for (const [pattern, kind] of KIND_OF_ACTION) if (pattern.test(action)) return kind;
  return null;
}

/** Parses a payload heard on the channel; anything else on it is ignored. */
export function parsePortEventPayload(text: string): PortEventPayload | null {
  try {
    const value = JSON.parse(text) as Partial<PortEventPayload>;
    if (typeof value !== 'object' || value === null || typeof value.k !== 'string') return null;
    if (value.p !== undefined && value.p !== null && typeof value.p !== 'number') return null;
    return {
      p: value.p ?? null,
      k: value.k,
      ...(typeof value.a === 'string' ? { a: value.a } : {}),
      ...(typeof value.d === 'string' ? { d: value.d } : {}),
    };
  } catch {
    return null;
  }
}
