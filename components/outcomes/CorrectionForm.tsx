'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { Messages } from '@/lib/i18n/messages/en';
import { describedBy, ErrorSummary, Field, inputClass, SubmitFailure } from './FormParts';
import { checkOutcome, OutcomeInputs, outcomeBody, type OutcomeValues } from './OutcomeInputs';
import { settle, type ApiError } from '@/lib/api-client';
import { correctAppointment } from '@/lib/api-client/appointments';
import type { CorrectionInput } from '@/lib/outcomes/schemas';
import type { CodeChoice } from './code-choice';

const STATUSES = ['scheduled', 'checked_in', 'late', 'no_show', 'processed', 'cancelled'] as const;

export function CorrectionForm({
  appointmentId,
  version,
  currentStatus,
  codes,
  m,
  statusLabels,
  outcomeLabels,
}: {
  appointmentId: string;
  version: number;
  currentStatus: string;
  codes: CodeChoice[];
  m: Messages['outcomes'];
  statusLabels: Record<string, string>;
  outcomeLabels: Record<string, string>;
}) {
  const router = useRouter();
  const [status, setStatus] = useState('');
  const [outcome, setOutcome] = useState<OutcomeValues>({ code: '', notes: '', interpreterUsed: false, interpreterLanguage: '' });
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    const local: Record<string, string> = {};
    if (!status && !outcome.code) local.status = m.nothingChosen;
    if (outcome.code) Object.assign(local, checkOutcome(outcome, codes, m));
    if (reason.trim() === '') local.reason = m.reasonRequired;
    setErrors(local);
    if (Object.keys(local).length) return;
    setMessage(m.submitting);
    const result = await settle(correctAppointment(appointmentId, {
      // The select offers only statuses; the server re-validates either way.
      ...(status ? { status: status as NonNullable<CorrectionInput['status']> } : {}),
      ...(outcome.code ? { outcome: outcomeBody(outcome) } : {}),
      reason,
      expectedVersion: version,
    }));
    if (result.ok) {
      setMessage(m.corrected);
      setReason('');
      setStatus('');
      setOutcome({ code: '', notes: '', interpreterUsed: false, interpreterLanguage: '' });
      startTransition(() => router.refresh());
      return;
    }
    setMessage('');
    if (result.error.fields) {
      // Server fields for the nested outcome ("outcome.notes") show next to the same inputs.
      setErrors(Object.fromEntries(Object.entries(result.error.fields).map(([k, v]) => [k.replace(/^outcome\./, ''), v])));
    }
    setFailure(result.error);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="correction-title" className="rounded border border-slate-300 bg-white p-4">
      <h2 id="correction-title" className="mb-1 text-2xl font-bold">
        {m.correctionTitle}
      </h2>
      <p className="mb-3 text-slate-700">{m.correctionIntro}</p>
      <SubmitFailure failure={failure} staleCodes={['STALE_VERSION']} m={m} statusLabels={statusLabels} outcomeLabels={outcomeLabels} onReload={() => startTransition(() => router.refresh())} />
      <ErrorSummary title={m.errorSummary} errors={errors} idPrefix="correction" />
      <Field id="correction-status" label={m.newStatus} error={errors.status}>
        <select
          id="correction-status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          aria-invalid={errors.status ? true : undefined}
          aria-describedby={describedBy('correction-status', false, !!errors.status)}
          className={inputClass}
        >
          <option value="">{m.keepStatus}</option>
          {STATUSES.filter((s) => s !== currentStatus).map((s) => (
            <option key={s} value={s}>
              {statusLabels[s] ?? s}
            </option>
          ))}
        </select>
      </Field>
      <OutcomeInputs idPrefix="correction" values={outcome} onChange={setOutcome} errors={errors} codes={codes} m={m} codeLabel={m.newOutcome} emptyChoice={m.keepOutcome} />
      <Field id="correction-reason" label={m.reason} help={m.reasonHelp} error={errors.reason}>
        <textarea
          id="correction-reason"
          value={reason}
          rows={3}
          maxLength={1000}
          required
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describedBy('correction-reason', true, !!errors.reason)}
          className={inputClass}
        />
      </Field>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-slate-800 px-5 text-lg font-semibold text-white hover:bg-slate-900 disabled:opacity-60">
        {m.correctionSubmit}
      </button>
      <p aria-live="polite" className="mt-2 font-semibold">
        {message}
      </p>
    </form>
  );
}
