'use client';

import { useId, useState } from 'react';
import { settle } from '@/lib/api-client';
import { reviewFlag } from '@/lib/api-client/appointments';

export interface FlagDecisionLabels {
  decision: string;
  confirm: string;
  dismiss: string;
  reason: string;
  reasonHint: string;
  submit: string;
  saved: string;
}

export function FlagDecision({ flagId, labels }: { flagId: string; labels: FlagDecisionLabels }) {
  const id = useId();
  const [decision, setDecision] = useState<'confirmed' | 'dismissed'>('dismissed');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await settle(reviewFlag(flagId, { decision, reason }));
      if (!result.ok) {
        const fields = result.error.fields;
        setError(fields?.reason ? `${labels.reason}: ${fields.reason}` : result.error.message);
        return;
      }
      // The item stays in place with its confirmation (refreshing would remove it before the
      // reviewer, or a screen reader, could read that the decision was saved).
      setSaved(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="mt-3 space-y-2" noValidate>
      <fieldset>
        <legend className="font-semibold">{labels.decision}</legend>
        <div className="flex flex-wrap gap-4">
          {(['confirmed', 'dismissed'] as const).map((d) => (
            <label key={d} className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name={`${id}-decision`} value={d} checked={decision === d} onChange={() => setDecision(d)} className="h-5 w-5" />
              {d === 'confirmed' ? labels.confirm : labels.dismiss}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-reason`} className="block font-semibold">
          {labels.reason}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {labels.reasonHint}
        </p>
        <textarea
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          className="block w-full max-w-xl rounded border border-slate-500 p-2"
          rows={2}
        />
        {error && (
          <p id={`${id}-error`} className="mt-1 font-semibold text-red-800">
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={busy || saved} className="min-h-11 rounded bg-blue-800 px-4 font-semibold text-white focus:outline-none focus-visible:ring-4 focus-visible:ring-blue-400 disabled:bg-slate-500">
        {labels.submit}
      </button>
      <p aria-live="polite">{saved ? labels.saved : ''}</p>
    </form>
  );
}
