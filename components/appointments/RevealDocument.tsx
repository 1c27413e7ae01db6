'use client';

import { useState } from 'react';
import { settle } from '@/lib/api-client';
import { revealDocument } from '@/lib/api-client/appointments';

/** Shows the full document number on request; the API records the reveal in the audit trail. */
export function RevealDocument({ appointmentId, masked, labels }: { appointmentId: string; masked: string; labels: { reveal: string; revealing: string; revealNote: string; revealed: string } }) {
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function reveal() {
    setBusy(true);
    setError('');
    const result = await settle(revealDocument(appointmentId));
    setBusy(false);
    if (result.ok) setShown(result.data.documentNumber ?? '—');
    else setError(result.error.message);
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-3">
      <span className="font-mono text-lg" data-testid="document-number">
        {shown ?? masked}
      </span>
      {shown === null && (
        <button type="button" onClick={reveal} disabled={busy} aria-describedby="reveal-note" className="min-h-11 rounded border-2 border-slate-700 bg-white px-3 font-semibold">
          {busy ? labels.revealing : labels.reveal}
        </button>
      )}
      <span id="reveal-note" className="text-sm text-slate-700" aria-live="polite">
        {shown !== null ? labels.revealed : error || labels.revealNote}
      </span>
    </span>
  );
}
