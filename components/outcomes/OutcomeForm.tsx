'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { Messages } from '@/lib/i18n/messages/en';
import { ErrorSummary, SubmitFailure } from './FormParts';
import { checkOutcome, OutcomeInputs, outcomeBody, type OutcomeValues } from './OutcomeInputs';
import { isOffline, isUnavailable, settle, type ApiError } from '@/lib/api-client';
import { recordOutcome } from '@/lib/api-client/appointments';
import { useI18n } from '@/components/ui/I18nProvider';
import { formatTime } from '@/lib/format';
import type { CodeChoice } from './code-choice';
import { useRecordQueue } from './RecordQueue';

/**
 * The officer's outcome. One that gets no answer (network down, 503) is kept in the device's offline
 * queue with its idempotency key and shown as pending here; RecordQueue replays it.
 */
export function OutcomeForm({
  appointmentId,
  personName,
  timeZone,
  version,
  codes,
  m,
  statusLabels,
  outcomeLabels,
  suggestedLanguage,
}: {
  appointmentId: string;
  /** Family name first, as in the queue's announcements. */
  personName: string;
  timeZone: string;
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
  const { t, locale } = useI18n();
  const queue = useRecordQueue();
  const queued = queue.pending.find((q) => q.appointmentId === appointmentId && q.action === 'outcome');

  async function keep(body: Record<string, unknown> & { idempotencyKey: string }) {
    await queue.keep({ appointmentId, name: personName, action: 'outcome', body, tappedAt: Date.now() });
    setStatus(t('offline.queued', { action: t('offline.actions.outcome'), name: personName }));
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    const local = checkOutcome(values, codes, m);
    setErrors(local);
    if (Object.keys(local).length) return;
    setStatus(m.submitting);
    // A fresh key per submission: a replay of this one acts once.
    const body = { ...outcomeBody(values), expectedVersion: version, idempotencyKey: crypto.randomUUID() };
    if (queue.hasPending()) {
      // Behind actions already waiting: the server must see them in the order they were made.
      await keep(body);
      void queue.replay();
      return;
    }
    const result = await settle(recordOutcome(appointmentId, body));
    if (result.ok) {
      setStatus(m.saved);
      startTransition(() => router.refresh());
      return;
    }
    if (isOffline(result.error) || isUnavailable(result.error)) {
      await keep(body).catch(() => {
        setStatus('');
        setFailure(result.error);
      });
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
      <SubmitFailure failure={failure} staleCodes={['STALE_VERSION', 'CONFLICT']} m={m} statusLabels={statusLabels} outcomeLabels={outcomeLabels} onReload={() => startTransition(() => router.refresh())} />
      {queued && (
        <p data-testid="outcome-pending" className="mb-4 rounded border-2 border-blue-900 bg-blue-50 p-3 font-semibold text-blue-950">
          {t('offline.pendingOutcome', {
            outcome: codes.find((c) => c.code === queued.body.code)?.label ?? String(queued.body.code),
            time: formatTime(new Date(queued.tappedAt).toISOString(), timeZone, locale),
          })}
        </p>
      )}
      <ErrorSummary title={m.errorSummary} errors={errors} idPrefix="outcome" />
      <OutcomeInputs idPrefix="outcome" values={values} onChange={setValues} errors={errors} codes={codes} m={m} codeLabel={m.code} emptyChoice={m.chooseCode} />
      <button type="submit" disabled={pending || queued !== undefined} className="min-h-11 rounded bg-blue-800 px-5 text-lg font-semibold text-white hover:bg-blue-900 disabled:opacity-60">
        {m.submit}
      </button>
      <p aria-live="polite" className="mt-2 font-semibold">
        {status}
      </p>
    </form>
  );
}
