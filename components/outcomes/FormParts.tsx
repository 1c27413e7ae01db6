'use client';

import type { ReactNode } from 'react';
import type { ApiError } from '@/lib/api-client';
import { interpolate } from '@/lib/i18n/translate';

/** Errors summarised at the top of a form, each linking to its field. */
export function ErrorSummary({ title, errors, idPrefix }: { title: string; errors: Record<string, string>; idPrefix: string }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
      <p className="font-semibold">{title}</p>
      <ul className="ml-5 list-disc">
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${idPrefix}-${field}`} className="underline">
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 font-semibold text-red-800">
      {message}
    </p>
  );
}

function StaleNotice({
  error,
  title,
  body,
  reload,
  statusLabel,
  outcomeLabel,
  onReload,
}: {
  error: ApiError;
  title: string;
  body: (vars: { status: string; outcome: string; version: number }) => string;
  reload: string;
  statusLabel: (status: string) => string;
  outcomeLabel: (code: string | null) => string;
  onReload: () => void;
}) {
  // A 409/412 carries the record as it is now, so the officer sees what changed.
  const current = error.body.appointment as { status: string; version: number; outcome: { code: string } | null } | undefined;
  return (
    <div role="alert" className="mb-4 rounded border-l-4 border-amber-700 bg-amber-50 p-3 text-amber-950">
      <p className="font-semibold">{title}</p>
      {current && <p>{body({ status: statusLabel(current.status), outcome: outcomeLabel(current.outcome?.code ?? null), version: current.version })}</p>}
      <button type="button" onClick={onReload} className="mt-2 min-h-11 rounded border-2 border-amber-800 bg-white px-4 font-semibold">
        {reload}
      </button>
    </div>
  );
}

/**
 * What a refused submit shows: the record as it is now when it changed meanwhile (`staleCodes`), with a
 * reload; otherwise the server's message. Field errors are the ErrorSummary's, not repeated here.
 */
export function SubmitFailure({
  failure,
  staleCodes,
  m,
  statusLabels,
  outcomeLabels,
  onReload,
}: {
  failure: ApiError | null;
  staleCodes: readonly string[];
  m: { staleTitle: string; staleBody: string; reload: string; failed: string };
  statusLabels: Record<string, string>;
  outcomeLabels: Record<string, string>;
  onReload: () => void;
}) {
  if (!failure) return null;
  if (staleCodes.includes(failure.code)) {
    return (
      <StaleNotice
        error={failure}
        title={m.staleTitle}
        body={(v) => interpolate(m.staleBody, v)}
        reload={m.reload}
        statusLabel={(s) => statusLabels[s] ?? s}
        outcomeLabel={(c) => (c ? (outcomeLabels[c] ?? c) : '—')}
        onReload={onReload}
      />
    );
  }
  if (failure.fields) return null;
  return (
    <p role="alert" className="mb-4 font-semibold text-red-800">
      {interpolate(m.failed, { message: failure.message })}
    </p>
  );
}

export function Field({ id, label, help, error, children }: { id: string; label: string; help?: string; error?: string; children: ReactNode }) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="text-sm text-slate-700">
          {help}
        </p>
      )}
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export const inputClass = 'mt-1 block w-full max-w-xl min-h-11 rounded border-2 border-slate-600 bg-white px-3 py-2 text-lg';

export function describedBy(id: string, help: boolean, error: boolean): string | undefined {
  const ids = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
