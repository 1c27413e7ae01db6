/**
 * Runs in each app server (instrumentation.ts): every few minutes, ask PostgreSQL whether a
 * checkpoint is due (lib/audit/checkpoint.ts writeCheckpointIfDue decides under an advisory lock
 * from the last stored checkpoint, so several instances write one, not one each). A failure (the
 * database away) is logged and retried on the next tick; it never stops the server.
 */
import 'server-only';
import { getDb } from '@/lib/database';
import { env } from '@/lib/env';
import { logWarn } from '@/lib/log';
import { writeCheckpointIfDue } from './checkpoint';
import { auditKeyring } from './keys';

const holder = globalThis as unknown as { __portRosterCheckpointTimer?: NodeJS.Timeout };

export async function checkpointTick(): Promise<void> {
  try {
    const minutes = env().AUDIT_CHECKPOINT_MINUTES;
    await writeCheckpointIfDue(await getDb(), auditKeyring(), minutes);
  } catch (error) {
    logWarn({ event: 'audit_checkpoint_failed', message: error instanceof Error ? error.message : String(error) });
  }
}

export function startCheckpointSchedule(): void {
  if (holder.__portRosterCheckpointTimer) return;
  const everyMs = Math.min(5, env().AUDIT_CHECKPOINT_MINUTES) * 60_000;
  holder.__portRosterCheckpointTimer = setInterval(() => void checkpointTick(), everyMs);
  holder.__portRosterCheckpointTimer.unref();
  // A first look soon after start, so a new installation gets its first checkpoint early.
  setTimeout(() => void checkpointTick(), 15_000).unref();
}
