/**
 * The kiosk's offline queue in IndexedDB: each action (check-in, no-show, undo, or an interview
 * outcome from the record page) that could not reach the server (no answer, or 503) with its idempotency key, kept until the server gives a definitive answer. Replayed in tap
 * order; the idempotency key makes a replay that reaches the server twice act once, and an entry is
 * removed only after that answer, so a reload loses nothing.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Appointment } from '@/lib/roster/schemas';
import { ApiError, isOffline, isUnavailable } from './api-error';
import { apiFetch } from './fetch';
import { createSignal } from './signal';
import type { ArrivalAction } from './roster';

/** What can wait in the queue: each is a POST to /api/v1/appointments/{id}/{action}. */
export type QueuedKind = ArrivalAction | 'outcome';

export interface QueuedAction {
  /** The idempotency key: also the entry's identity in the queue. */
  key: string;
  /** Whose tap it was: only that officer's session replays it. */
  userId: string;
  appointmentId: string;
  action: QueuedKind;
  /** The request body as it is replayed: idempotencyKey, and tappedAt, clockOffsetMs, membersPresent for arrivals, or the outcome's fields. */
  body: Record<string, unknown>;
  /** The kiosk's clock at the tap (epoch ms). */
  tappedAt: number;
  /** Server minus kiosk clock measured at the last successful request before the tap (null: never measured). */
  clockOffsetMs: number | null;
  /** Tie-break for taps in the same millisecond: the order they were queued in. */
  seq: number;
  /** For the row and the announcement after a reload: the person's name. */
  name: string;
}

interface QueueSchema extends DBSchema {
  actions: { key: string; value: QueuedAction; indexes: { byUser: string } };
}

const DB_NAME = 'port-roster-offline';
let opening: Promise<IDBPDatabase<QueueSchema>> | null = null;

function db(): Promise<IDBPDatabase<QueueSchema>> {
  opening ??= openDB<QueueSchema>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('actions', { keyPath: 'key' }).createIndex('byUser', 'userId');
    },
  });
  return opening;
}

/** For tests: forget the open connection (a fresh fake IndexedDB each test). */
export function resetQueueConnection(): void {
  opening = null;
}

export const byTapOrder = (a: QueuedAction, b: QueuedAction) => a.tappedAt - b.tappedAt || a.seq - b.seq;

/** The officer's pending actions, in tap order. */
export async function pendingActions(userId: string): Promise<QueuedAction[]> {
  return (await (await db()).getAllFromIndex('actions', 'byUser', userId)).sort(byTapOrder);
}

/**
 * Keeps an action. The same key twice is one entry, and a second tap of the same action on the same
 * appointment while the first is still pending is the same action (the first tap's time stands).
 * Returns the entry that is kept.
 */
export async function enqueue(entry: Omit<QueuedAction, 'seq'>): Promise<QueuedAction> {
  const tx = (await db()).transaction('actions', 'readwrite');
  const mine = (await tx.store.index('byUser').getAll(entry.userId)).sort(byTapOrder);
  const same = mine.find((q) => q.key === entry.key) ?? mine.filter((q) => q.appointmentId === entry.appointmentId).at(-1);
  if (same && (same.key === entry.key || same.action === entry.action)) {
    await tx.done;
    return same;
  }
  const kept = { ...entry, seq: (mine.at(-1)?.seq ?? 0) + 1 };
  await tx.store.put(kept);
  await tx.done;
  return kept;
}

export async function removeAction(key: string): Promise<void> {
  await (await db()).delete('actions', key);
}

export type ReplayOutcome =
  | { kind: 'accepted'; appointment: Appointment }
  /** Another kiosk (or officer) did it first: the server's current row, with who and when. */
  | { kind: 'already'; appointment: Appointment }
  /** An outcome for a record that another officer processed first: the server's current row. */
  | { kind: 'alreadyRecorded'; appointment: Appointment }
  | { kind: 'refused'; message: string }
  /** Still no answer: kept for the next attempt. */
  | { kind: 'retry' };

/** Sends one queued action as it was first sent: same path, same body, same idempotency key. */
export function sendQueued(entry: QueuedAction): Promise<{ appointment: Appointment }> {
  return apiFetch(`/api/v1/appointments/${encodeURIComponent(entry.appointmentId)}/${entry.action}`, { method: 'POST', body: entry.body });
}

/** What a replay's answer means for the queue. */
export function classifyReplay(result: { appointment: Appointment } | unknown, error?: unknown): ReplayOutcome {
  if (error === undefined) return { kind: 'accepted', appointment: (result as { appointment: Appointment }).appointment };
  // No answer, a 503, or a session that ended (idle limit) before the replay: kept for the next attempt
  // or the officer's next sign-in on this device, never dropped as refused.
  if (isOffline(error) || isUnavailable(error) || (error instanceof ApiError && error.status === 401)) return { kind: 'retry' };
  if (error instanceof ApiError && error.code === 'ALREADY_ARRIVED' && error.body.appointment) return { kind: 'already', appointment: error.body.appointment as Appointment };
  // The outcome route's conflicts carry the record as it is now: processed means someone recorded it first.
  const current = error instanceof ApiError ? (error.body.appointment as Appointment | undefined) : undefined;
  if (error instanceof ApiError && (error.code === 'CONFLICT' || error.code === 'STALE_VERSION') && current?.status === 'processed') return { kind: 'alreadyRecorded', appointment: current };
  return { kind: 'refused', message: error instanceof Error ? error.message : String(error) };
}

let replaying: Promise<void> | null = null;

const replayRequests = createSignal();

/** The pages' queue hooks listen here, so a replay someone else asks for (the idle sign-out) shows its answers. */
export const onReplayRequest = replayRequests.on;

/** Asks every mounted queue hook to replay now; a replayPending call right after joins theirs. */
export const requestReplay = replayRequests.emit;

/**
 * Sends the officer's pending actions one by one in tap order, stopping at the first that still gets
 * no answer. One replay at a time in this page (and across tabs where Web Locks exist); a call while
 * one runs joins it.
 */
export function replayPending(
  userId: string,
  send: (entry: QueuedAction) => Promise<{ appointment: Appointment }>,
  onOutcome: (entry: QueuedAction, outcome: ReplayOutcome) => void,
): Promise<void> {
  if (replaying) return replaying;
  const run = async () => {
    for (const entry of await pendingActions(userId)) {
      let outcome: ReplayOutcome;
      try {
        outcome = classifyReplay(await send(entry));
      } catch (error) {
        outcome = classifyReplay(undefined, error);
      }
      if (outcome.kind === 'retry') {
        onOutcome(entry, outcome);
        return;
      }
      await removeAction(entry.key);
      onOutcome(entry, outcome);
    }
  };
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const started: Promise<void> = (locks ? locks.request('port-roster-offline-replay', run).then(() => undefined) : run()).finally(() => {
    replaying = null;
  });
  replaying = started;
  return started;
}
