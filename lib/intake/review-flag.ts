/** A supervisor confirms or dismisses a hoarding/duplicate flag with a reason. Nothing is cancelled. */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { parseInput } from '@/lib/api/validate';
import { AppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/translate';
import { now } from '@/lib/time';
import { FlagReviewSchema } from './schemas';
import { personActor } from '@/lib/audit/actor';

export async function reviewFlag(actor: Actor, flagId: string, input: unknown, locale: AppLocale = 'en') {
  assertCan(actor, 'flags.review');
  const { decision, reason } = parseInput(FlagReviewSchema, input, locale);
  if (!/^[0-9a-f-]{36}$/i.test(flagId)) throw new AppError('NOT_FOUND', 'No such flag.', { es: 'No existe esa alerta.' });
  const db = await getDb();
  const at = now();
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string; status: string; port_id: number; appointment_id: string; kind: string }>(
      tx,
      sql`update appointment_flags f set status = ${decision}, reviewed_by = ${actor.userId}, reviewed_at = ${at.toISOString()}::timestamptz, reason = ${reason}
          from appointments a where a.id = f.appointment_id and f.id = ${flagId} and f.status = 'open'
          returning f.id, f.status::text, a.port_id, f.appointment_id, f.kind::text`,
    );
    if (!row) {
      const exists = await queryRows(tx, sql`select 1 from appointment_flags where id = ${flagId}`);
      if (exists.length === 0) throw new AppError('NOT_FOUND', 'No such flag.', { es: 'No existe esa alerta.' });
      throw new AppError('CONFLICT', 'This flag was already reviewed.', { es: 'Esta alerta ya fue revisada.' });
    }
    await recordAudit(tx, personActor(actor), {
      action: `flag.${decision === 'confirmed' ? 'confirm' : 'dismiss'}`,
      targetType: 'appointment',
      targetId: row.appointment_id,
      portId: row.port_id,
      before: { flagId: row.id, kind: row.kind, status: 'open' },
      after: { flagId: row.id, kind: row.kind, status: decision },
      reason,
    });
    return { flag: { id: row.id, status: decision } };
  });
}
