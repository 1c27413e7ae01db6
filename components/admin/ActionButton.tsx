'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { send, settle, type ApiRequest } from '@/lib/api-client';
import type { FormLabels } from './AdminForm';

/** A one-click change on a table row (suspend, retire, revoke...), confirmed first when it is destructive. */
export function ActionButton({
  label,
  request,
  confirmText,
  labels,
  locale,
  tone = 'neutral',
}: {
  label: string;
  request: ApiRequest;
  confirmText?: string;
  labels: FormLabels;
  locale: string;
  tone?: 'neutral' | 'danger';
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  async function run() {
    setConfirming(false);
    setPending(true);
    const result = await settle(send(request, locale));
    setPending(false);
    if (!result.ok) {
      setError(result.error.offline ? labels.networkError : result.error.message);
      return;
    }
    setError(null);
    router.refresh();
  }

  const base = 'min-h-11 rounded px-3 py-2 font-semibold';
  return (
    <div className="space-y-2">
      {confirming ? (
        <div role="group" aria-label={labels.confirmTitle} className="rounded border-2 border-amber-700 bg-amber-50 p-2">
          <p className="mb-2 text-amber-950">{confirmText}</p>
          <div className="flex flex-wrap gap-2">
            <button ref={confirmRef} type="button" onClick={() => void run()} className={`${base} bg-red-800 text-white hover:bg-red-900`}>
              {labels.confirm}
            </button>
            <button type="button" onClick={() => setConfirming(false)} onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)} className={`${base} border-2 border-slate-600 bg-white`}>
              {labels.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          disabled={pending}
          onClick={() => {
            if (confirmText) {
              setConfirming(true);
              requestAnimationFrame(() => confirmRef.current?.focus());
            } else void run();
          }}
          className={`${base} ${tone === 'danger' ? 'border-2 border-red-800 bg-white text-red-800 hover:bg-red-50' : 'border-2 border-blue-800 bg-white text-blue-800 hover:bg-blue-50'} disabled:opacity-60`}
        >
          {pending ? labels.saving : label}
        </button>
      )}
      {error && (
        <p role="alert" className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
