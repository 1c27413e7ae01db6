'use client';

/**
 * The page's side of the offline queue (the kiosk, and the record page for outcomes): reads it at start (nothing is lost on a reload), keeps an
 * action that got no answer, and replays in tap order when the network is back (the online event,
 * the next successful request, or a slow retry while anything is pending).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { clockOffset, onApiSuccess } from '@/lib/api-client';
import { enqueue, onReplayRequest, pendingActions, replayPending, sendQueued, type QueuedAction, type QueuedKind, type ReplayOutcome } from '@/lib/api-client/offline-queue';

const RETRY_MS = 15_000;

export interface KeepRequest {
  appointmentId: string;
  name: string;
  action: QueuedKind;
  /** The body as first sent, with its idempotency key. */
  body: Record<string, unknown> & { idempotencyKey: string };
  /** The kiosk's clock at the tap. */
  tappedAt: number;
}

export function useOfflineQueue(userId: string, onOutcome: (entry: QueuedAction, outcome: ReplayOutcome) => void) {
  const [pending, setPending] = useState<QueuedAction[]>([]);
  const count = useRef(0);
  const outcomeRef = useRef(onOutcome);
  useEffect(() => {
    outcomeRef.current = onOutcome;
  }, [onOutcome]);

  const refresh = useCallback(async () => {
    const list = await pendingActions(userId).catch(() => [] as QueuedAction[]);
    count.current = list.length;
    setPending(list);
  }, [userId]);

  const replay = useCallback(async () => {
    if (count.current === 0) return;
    await replayPending(
      userId,
      sendQueued,
      (entry, outcome) => outcomeRef.current(entry, outcome),
    ).catch(() => undefined);
    await refresh();
  }, [userId, refresh]);

  const keep = useCallback(
    async (r: KeepRequest) => {
      // The offset measured at the last successful request before the tap: the server trusts the tap time only with it.
      // An outcome's time is the server's at delivery (no lateness to judge), so its body stays as first sent.
      const measured = clockOffset();
      const body = measured && r.action !== 'outcome' ? { ...r.body, tappedAt: r.tappedAt, clockOffsetMs: measured.offsetMs } : r.body;
      const kept = await enqueue({ key: r.body.idempotencyKey, userId, appointmentId: r.appointmentId, action: r.action, body, tappedAt: r.tappedAt, clockOffsetMs: measured?.offsetMs ?? null, name: r.name });
      await refresh();
      return kept;
    },
    [userId, refresh],
  );

  useEffect(() => {
    // Read at start: what a reload (or a crash) left pending is shown, and sent if the network is there.
    void pendingActions(userId)
      .catch(() => [] as QueuedAction[])
      .then((list) => {
        count.current = list.length;
        setPending(list);
        if (navigator.onLine) void replay();
      });
    const onOnline = () => void replay();
    window.addEventListener('online', onOnline);
    const stop = onApiSuccess(() => void replay());
    const stopRequests = onReplayRequest(() => void replay());
    const timer = window.setInterval(() => {
      if (navigator.onLine) void replay();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      stop();
      stopRequests();
      window.clearInterval(timer);
    };
  }, [userId, replay]);

  return { pending, keep, replay, hasPending: () => count.current > 0 };
}
