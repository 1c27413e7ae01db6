/**
 * The rules of outcomes and corrections, as pure functions of the appointment and the input.
 * No database, no framework: tested table by table.
 */
import type { AppointmentStatus } from '@/db/schema/enums';

/** Statuses in which the person has arrived: the row carries an arrival time. */
export const ARRIVED: ReadonlySet<AppointmentStatus> = new Set(['checked_in', 'late', 'processed']);

export interface CodeRow {
  code: string;
  active: boolean;
  requiresNote: boolean;
}

export interface OutcomeDraft {
  code: string;
  notes?: string | null;
  interpreterUsed?: boolean;
  interpreterLanguage?: string | null;
}

export interface ValidOutcome {
  code: string;
  /** Trimmed at the ends only: line breaks inside are kept. Null when empty. */
  notes: string | null;
  /** The language interpreted, or null when no interpreter was used. */
  interpreterLanguage: string | null;
}

export type FieldProblem = 'unknown_code' | 'retired_code' | 'notes_required' | 'language_required';

export type OutcomeValidation = { ok: true; outcome: ValidOutcome } | { ok: false; fields: Partial<Record<'code' | 'notes' | 'interpreterLanguage', FieldProblem>> };

/** `other` (and any code flagged requiresNote) needs a note; a retired or unknown code is refused. */
export function validateOutcome(draft: OutcomeDraft, codeRow: CodeRow | null | undefined): OutcomeValidation {
  const fields: Partial<Record<'code' | 'notes' | 'interpreterLanguage', FieldProblem>> = {};
  const notes = draft.notes?.replace(/^\s+|\s+$/g, '') || null;
  if (!codeRow) fields.code = 'unknown_code';
  else if (!codeRow.active) fields.code = 'retired_code';
  const needsNote = codeRow ? codeRow.requiresNote || codeRow.code === 'other' : draft.code === 'other';
  if (needsNote && !notes) fields.notes = 'notes_required';
  const language = draft.interpreterLanguage?.trim().toLowerCase() || null;
  if (draft.interpreterUsed === true && !language) fields.interpreterLanguage = 'language_required';
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  const used = draft.interpreterUsed ?? language !== null;
  return { ok: true, outcome: { code: draft.code, notes, interpreterLanguage: used ? language : null } };
}

export interface VersionedSubject {
  status: AppointmentStatus;
  version: number;
}

export type OutcomeDecision = { kind: 'ok' } | { kind: 'refused'; code: 'STALE_VERSION' | 'CONFLICT' };

/** Only a checked-in appointment takes an outcome; a stale expectedVersion is refused first. */
export function decideOutcome(current: VersionedSubject, expectedVersion: number | undefined): OutcomeDecision {
  if (expectedVersion !== undefined && expectedVersion !== current.version) return { kind: 'refused', code: 'STALE_VERSION' };
  if (current.status !== 'checked_in') return { kind: 'refused', code: 'CONFLICT' };
  return { kind: 'ok' };
}

export interface CorrectionSubject extends VersionedSubject {
  outcome: ValidOutcome | null;
}

export interface CorrectionRequest {
  status?: AppointmentStatus;
  outcome?: ValidOutcome;
  expectedVersion: number;
}

export type CorrectionDecision =
  | { kind: 'ok'; status: AppointmentStatus; outcome: ValidOutcome | null; outcomeChanged: boolean; arrival: 'keep' | 'set' | 'clear' }
  | { kind: 'refused'; code: 'STALE_VERSION' }
  | { kind: 'refused'; code: 'CONFLICT'; problem: 'outcome_kept' }
  | { kind: 'refused'; code: 'VALIDATION'; field: 'status' | 'outcome' | '_'; problem: 'outcome_needs_processed' | 'processed_needs_outcome' | 'nothing_to_change' };

function sameOutcome(a: ValidOutcome | null, b: ValidOutcome | null): boolean {
  if (!a || !b) return a === b;
  return a.code === b.code && a.notes === b.notes && a.interpreterLanguage === b.interpreterLanguage;
}

/**
 * A supervisor's correction. The outcome is replaced, never removed (nothing is deleted), so a processed
 * appointment stays processed; a status moved out of the arrived states clears the arrival, and one moved
 * into them takes the server's clock as arrival time. The audit event keeps the before.
 */
export function decideCorrection(current: CorrectionSubject, request: CorrectionRequest): CorrectionDecision {
  if (request.expectedVersion !== current.version) return { kind: 'refused', code: 'STALE_VERSION' };
  const status = request.status ?? (request.outcome ? 'processed' : current.status);
  if (request.outcome && status !== 'processed') return { kind: 'refused', code: 'VALIDATION', field: 'status', problem: 'outcome_needs_processed' };
  if (current.status === 'processed' && status !== 'processed') return { kind: 'refused', code: 'CONFLICT', problem: 'outcome_kept' };
  const outcome = request.outcome ?? current.outcome;
  if (status === 'processed' && !outcome) return { kind: 'refused', code: 'VALIDATION', field: 'outcome', problem: 'processed_needs_outcome' };
  const outcomeChanged = !sameOutcome(outcome, current.outcome);
  if (status === current.status && !outcomeChanged) return { kind: 'refused', code: 'VALIDATION', field: '_', problem: 'nothing_to_change' };
  const wasArrived = ARRIVED.has(current.status);
  const isArrived = ARRIVED.has(status);
  const arrival = wasArrived === isArrived ? 'keep' : isArrived ? 'set' : 'clear';
  return { kind: 'ok', status, outcome: status === 'processed' ? outcome : null, outcomeChanged, arrival };
}
