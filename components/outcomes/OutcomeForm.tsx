'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { Messages } from '@/lib/i18n/messages/en';
import { interpolate } from '@/lib/i18n/translate';
import { ErrorSummary, StaleNotice } from './FormParts';
import { checkOutcome, OutcomeInputs, outcomeBody, type OutcomeValues } from './OutcomeInputs';
import { settle, type ApiError } from '@/lib/api-client';
import { recordOutcome } from '@/lib/api-client/appointments';
import type { CodeChoice } from './code-choice';

export function OutcomeForm({
  appointmentId,
  version,
  codes,
  m,
  statusLabels,
  outcomeLabels,
  suggestedLanguage,
}: {
  appointmentId: string;
  version: number;
  codes: CodeChoice[];
  m: Messages['outcomes'];
  statusLabels: Record<string, string>;
  outcomeLabels: Record<string, string>;
  suggestedLanguage: string | null;
}) {
  const router = useRouter();
  const [values, setValues] = useState<OutcomeValues>({
    code: '',
    notes: '',
    interpreterUsed: suggestedLanguage !== null,
    interpreterLanguage: suggestedLanguage ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [pending, startTransition] = useTransition();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    const local = checkOutcome(values, codes, m);
    setErrors(local);
    if (Object.keys(local).length) return;
    setStatus(m.submitting);
    const result = await settle(recordOutcome(appointmentId, { ...outcomeBody(values), expectedVersion: version }));
    if (result.ok) {
      setStatus(m.saved);
      startTransition(() => router.refresh());
      return;
    }
    setStatus('');
    if (result.error.fields) setErrors(result.error.fields);
    setFailure(result.error);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="outcome-title" className="rounded border border-slate-300 bg-white p-4">
      <h2 id="outcome-title" className="mb-3 text-2xl font-bold">
        {m.formTitle}
      </h2>
      {failure?.code === 'STALE_VERSION' || failure?.code === 'CONFLICT' ? (
        <StaleNotice
          error={failure}
          title={m.staleTitle}
          body={(v) => interpolate(m.staleBody, v)}
          reload={m.reload}
          statusLabel={(s) => statusLabels[s] ?? s}
          outcomeLabel={(c) => (c ? (outcomeLabels[c] ?? c) : '—')}
          onReload={() => startTransition(() => router.refresh())}
        />
      ) : failure && !failure.fields ? (
        <p role="alert" className="mb-4 font-semibold text-red-800">
          {interpolate(m.failed, { message: failure.message })}
        </p>
      ) : null}
      <ErrorSummary title={m.errorSummary} errors={errors} idPrefix="outcome" />
      <OutcomeInputs idPrefix="outcome" values={values} onChange={setValues} errors={errors} codes={codes} m={m} codeLabel={m.code} emptyChoice={m.chooseCode} />
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-blue-800 px-5 text-lg font-semibold text-white hover:bg-blue-900 disabled:opacity-60">
        {m.submit}
      </button>
      <p aria-live="polite" className="mt-2 font-semibold">
        {status}
      </p>
    </form>
  );
}
