/** The admin audit page's view of checkpoints: the schedule, and a fresh signed checkpoint to download. */
import 'server-only';
import { getDb } from '@/lib/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { env } from '@/lib/env';
import { checkpointSchedule, takeCheckpoint, type CheckpointSchedule } from './checkpoint';
import type { CheckpointDocument } from './checkpoint-file';
import { auditKeyring } from './keys';

export async function auditCheckpointSchedule(actor: Actor): Promise<CheckpointSchedule> {
  assertCan(actor, 'audit.read');
  return checkpointSchedule(await getDb(), env().AUDIT_CHECKPOINT_MINUTES);
}

/** Signed now, over every chain (a checkpoint covers the whole trail, whoever downloads it). */
export async function downloadableCheckpoint(actor: Actor): Promise<CheckpointDocument> {
  assertCan(actor, 'audit.read');
  return takeCheckpoint(await getDb(), auditKeyring());
}
