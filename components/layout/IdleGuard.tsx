'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { keepalive as sendKeepalive } from '@/lib/api-client/appointments';
import { interpolate } from '@/lib/i18n/translate';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
// Tell the server about real activity at most this often, so its idle limit follows the person.
const KEEPALIVE_EVERY_MS = 60_000;

/**
 * Shared kiosks: after `idleMs` without input the session ends. A warning appears `warnMs`
 * before, and any key (or the button) keeps the session.
 */
export function IdleGuard({
  idleMs,
  warnMs,
  signOutAction,
  labels,
}: {
  idleMs: number;
  warnMs: number;
  signOutAction: (formData: FormData) => Promise<void>;
  labels: { title: string; body: string; stay: string; hint: string };
}) {
  const [warning, setWarning] = useState(false);
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
        formRef.current?.requestSubmit();
      } else if (idleFor >= idleMs - warnMs) {
        setWarning(true);
        setSecondsLeft(Math.max(0, Math.ceil((idleMs - idleFor) / 1000)));
      }
    }, 1000);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [idleMs, warnMs, onActivity]);

  useEffect(() => {
    if (warning) stayRef.current?.focus();
  }, [warning]);

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
