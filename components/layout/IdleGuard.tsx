'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { keepalive as sendKeepalive } from '@/lib/api-client/appointments';
import { pendingActions, replayPending, requestReplay, sendQueued } from '@/lib/api-client/offline-queue';
import { interpolate } from '@/lib/i18n/translate';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
// Tell the server about real activity at most this often, so its idle limit follows the person.
const KEEPALIVE_EVERY_MS = 60_000;
// The last delivery attempt before an idle sign-out waits at most this long: the sign-out is not negotiable.
const FINAL_REPLAY_MS = 5_000;

/**
 * Sends what this device still holds for the officer while the session is alive (through the page's
 * queue hook when there is one, so each answer is shown), and says how many are left.
 */
async function deliverPending(userId: string): Promise<number> {
  if (navigator.onLine) {
    requestReplay();
    await replayPending(userId, sendQueued, () => {}).catch(() => undefined);
  }
  return (await pendingActions(userId).catch(() => [])).length;
}

/**
 * Shared kiosks: after `idleMs` without input the session ends. A warning appears `warnMs`
 * before, and any key (or the button) keeps the session. Actions waiting in the offline queue never
 * hold the session open (a kiosk left alone must sign out): the warning says how many wait, they are
 * sent first if the network is there, and what is left stays on this device for this officer's next
 * sign-in here.
 */
export function IdleGuard({
  idleMs,
  warnMs,
  userId,
  signOutAction,
  labels,
}: {
  idleMs: number;
  warnMs: number;
  userId: string;
  signOutAction: (formData: FormData) => Promise<void>;
  labels: { title: string; body: string; stay: string; hint: string; pendingOne: string; pendingOther: string };
}) {
  const [warning, setWarning] = useState(false);
  const [waiting, setWaiting] = useState(0);
  const [secondsLeft, setSecondsLeft] = useState(Math.round(warnMs / 1000));
  // Set when the guard mounts (render must stay pure).
  const lastActivity = useRef(0);
  const lastKeepalive = useRef(0);
  const formRef = useRef<HTMLFormElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);

  const keepalive = useCallback(() => {
    lastKeepalive.current = Date.now();
    // Best effort: a missed keepalive only shortens the session, and the warning still shows.
    void sendKeepalive().catch(() => {});
  }, []);

  const onActivity = useCallback(() => {
    lastActivity.current = Date.now();
    setWarning((shown) => {
      if (shown) keepalive();
      return false;
    });
    if (Date.now() - lastKeepalive.current > KEEPALIVE_EVERY_MS) keepalive();
  }, [keepalive]);

  useEffect(() => {
    lastActivity.current = Date.now();
    lastKeepalive.current = Date.now();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      const idleFor = Date.now() - lastActivity.current;
      if (idleFor >= idleMs) {
        window.clearInterval(timer);
        void Promise.race([deliverPending(userId), new Promise((r) => window.setTimeout(r, FINAL_REPLAY_MS))]).then(() => formRef.current?.requestSubmit());
      } else if (idleFor >= idleMs - warnMs) {
        setWarning(true);
        setSecondsLeft(Math.max(0, Math.ceil((idleMs - idleFor) / 1000)));
      }
    }, 1000);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [idleMs, warnMs, userId, onActivity]);

  useEffect(() => {
    if (!warning) return;
    stayRef.current?.focus();
    let live = true;
    void pendingActions(userId)
      .catch(() => [])
      .then((list) => {
        if (!live) return;
        setWaiting(list.length);
        if (list.length > 0) void deliverPending(userId).then((left) => live && setWaiting(left));
      });
    return () => {
      live = false;
    };
  }, [warning, userId]);

  return (
    <>
      <form ref={formRef} action={signOutAction} hidden>
        <input type="hidden" name="reason" value="idle" />
      </form>
      {warning && (
        <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/60 p-4">
          <div role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body" className="w-full max-w-md rounded-lg bg-white p-6 shadow-xl">
            <h2 id="idle-title" className="mb-2 text-2xl font-bold">
              {labels.title}
            </h2>
            <p id="idle-body" className="mb-2 text-lg" aria-live="polite">
              {interpolate(labels.body, { seconds: secondsLeft })}
            </p>
            {waiting > 0 && (
              <p data-testid="idle-pending" className="mb-2 rounded border-2 border-blue-900 bg-blue-50 p-2 font-semibold text-blue-950">
                {interpolate(new Intl.PluralRules(document.documentElement.lang || 'en').select(waiting) === 'one' ? labels.pendingOne : labels.pendingOther, { count: waiting })}
              </p>
            )}
            <p className="mb-4 text-slate-700">{labels.hint}</p>
            <button ref={stayRef} type="button" onClick={onActivity} className="min-h-11 w-full rounded bg-blue-800 px-4 py-3 text-lg font-semibold text-white">
              {labels.stay}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
