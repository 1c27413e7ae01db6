/**
 * Taps replayed by the kiosk's offline queue: the body fields, the server's judgement of the tap
 * time (the rule is decideTapTime in rules.ts), the audit wording and the review flag for a stale tap.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/translate';
import { toPortIso } from '@/lib/time';
import { decideTapTime, type TapTime } from './rules';

export const ReplayFields = {
  idempotencyKey: z.string().min(1).max(255).optional(),
  tappedAt: z
    .union([z.iso.datetime({ offset: true }), z.number().int().min(0)])
    .optional()
    .describe("The kiosk's clock at the tap (ISO instant or epoch ms), sent when an action recorded offline is replayed"),
  clockOffsetMs: z.number().int().optional().describe("Server minus kiosk clock in ms, measured (X-Server-Time) at the kiosk's last successful request; required with tappedAt"),
};

/** The body of no-show and undo: only the delivery fields. */
export const ReplayInputSchema = z.object(ReplayFields);

const PROBLEMS = {
  needs_offset: { en: 'clockOffsetMs is required with tappedAt', es: 'clockOffsetMs es obligatorio con tappedAt' },
  offset_absurd: { en: 'the clock offset is more than a day', es: 'la diferencia de reloj supera un día' },
  not_a_time: { en: 'must be an ISO instant or epoch milliseconds', es: 'debe ser un instante ISO o milisegundos' },
  in_future: { en: 'the corrected tap time is in the future', es: 'la hora corregida del registro está en el futuro' },
  absurd_age: { en: 'the corrected tap time is more than a day old', es: 'la hora corregida del registro tiene más de un día' },
} as const;

export type JudgedTap = Exclude<TapTime, { kind: 'invalid' }>;

/** The tap time to judge by; a future or absurd one is a 400 in the error shape. */
export function judgeTap(input: { tappedAt?: string | number; clockOffsetMs?: number }, receivedAt: Date, locale: AppLocale): JudgedTap {
  const tap = decideTapTime(input, receivedAt, env().OFFLINE_TAP_MAX_AGE_MINUTES * 60_000);
  if (tap.kind !== 'invalid') return tap;
  const text = PROBLEMS[tap.problem];
  throw new AppError('VALIDATION', `The replayed tap is not valid: ${text.en}.`, {
    es: `El registro reenviado no es válido: ${text.es}.`,
    fields: { [tap.field]: locale === 'es' ? text.es : text.en },
  });
}

/** What the audit event of a replayed tap adds: both times, and the sentence a reader sees. */
export function replayAudit(tap: JudgedTap, timeZone: string): { reason?: string; offline?: Record<string, string | boolean> } {
  if (tap.kind === 'live') return {};
  const recorded = toPortIso(tap.kind === 'review' ? tap.tappedAt : tap.at, timeZone);
  const received = toPortIso(tap.receivedAt, timeZone);
  const review = tap.kind === 'review' ? ' (older than the offline limit: judged at the received time, sent to review)' : '';
  return {
    reason: `Recorded offline at ${recorded}, received at ${received}${review}.`,
    offline: { recordedAt: recorded, receivedAt: received, review: tap.kind === 'review' },
  };
}

/** A stale offline tap asks a supervisor to look: one open flag per appointment, reopened by a later one. */
export async function flagStaleTap(tx: DbOrTx, appointmentId: string, tap: JudgedTap): Promise<void> {
  if (tap.kind !== 'review') return;
  const reasons = [`recorded_offline_at:${tap.tappedAt.toISOString()}`, `received_at:${tap.receivedAt.toISOString()}`];
  await tx.execute(sql`insert into appointment_flags (appointment_id, kind, linked_appointment_ids, match_reasons)
    values (${appointmentId}, 'offline_tap', '{}'::uuid[], ${sql`array[${sql.join(reasons.map((r) => sql`${r}`), sql`, `)}]::text[]`})
    on conflict (appointment_id, kind) do update set status = 'open', reviewed_at = null, reviewed_by = null, reason = null,
      match_reasons = excluded.match_reasons, created_at = ${tap.receivedAt.toISOString()}::timestamptz`);
}
