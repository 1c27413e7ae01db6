'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { send, settle, type ApiRequest } from '@/lib/api-client';

export interface FormLabels {
  errorSummary: string;
  saving: string;
  confirm: string;
  confirmTitle: string;
  cancel: string;
  networkError: string;
}

export type Built = ApiRequest | { fields: Record<string, string> };

/**
 * A form that sends one API request: errors summarised at the top and next to each field,
 * an optional confirmation step that states the consequences in numbers, and a live result.
 */
export function AdminForm<T = Record<string, unknown>>({
  title,
  help,
  submitLabel,
  labels,
  locale,
  build,
  confirmText,
  successText,
  resetOnSuccess = false,
  fieldNames,
  children,
}: {
  title?: string;
  help?: string;
  submitLabel: string;
  labels: FormLabels;
  locale: string;
  build: (form: FormData) => Built;
  confirmText?: (form: FormData, request: ApiRequest) => string | null;
  successText: (data: T) => string;
  resetOnSuccess?: boolean;
  /** Field name -> visible label, for the error summary. */
  fieldNames?: Record<string, string>;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const router = useRouter();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [sending, setSending] = useState(false);
  // The page's figures (limits, lists) come from the server: "Saved." and the next action wait for them,
  // so a confirmation built right after a save never reads the figures from before it.
  const [refreshing, startRefresh] = useTransition();
  const pending = sending || refreshing;
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ text: string; request: ApiRequest } | null>(null);

  function showError(message: string, fields: Record<string, string> = {}) {
    setError({ message, fields });
    setSuccess(null);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function run(request: ApiRequest) {
    setConfirming(null);
    setSending(true);
    const result = await settle(send<T>(request, locale));
    setSending(false);
    if (!result.ok) {
      showError(result.error.offline ? labels.networkError : result.error.message, result.error.fields ?? {});
      return;
    }
    setError(null);
    setSuccess(successText(result.data));
    if (resetOnSuccess) formRef.current?.reset();
    startRefresh(() => router.refresh());
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const built = build(form);
    if ('fields' in built) {
      showError(labels.errorSummary, built.fields);
      return;
    }
    const text = confirmText?.(form, built) ?? null;
    if (text) {
      setConfirming({ text, request: built });
      setSuccess(null);
      requestAnimationFrame(() => confirmRef.current?.focus());
      return;
    }
    void run(built);
  }

  const fields = error?.fields ?? {};
  const fieldEntries = Object.entries(fields);
  return (
    <section aria-labelledby={title ? headingId : undefined} className="rounded border border-slate-300 bg-white p-4">
      {title && (
        <h2 id={headingId} className="mb-1 text-xl font-bold">
          {title}
        </h2>
      )}
      {help && <p className="mb-3 text-slate-700">{help}</p>}
      {error && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          <p className="font-semibold">{error.message}</p>
          {fieldEntries.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {fieldEntries.map(([name, message]) => (
                <li key={name}>
                  {fieldNames?.[name] ?? name}: {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
        {children(fields)}
        {confirming ? (
          <div role="group" aria-label={labels.confirmTitle} className="rounded border-2 border-amber-700 bg-amber-50 p-3">
            <p className="mb-3 font-semibold text-amber-950">{confirming.text}</p>
            <div className="flex flex-wrap gap-2">
              <button
                ref={confirmRef}
                type="button"
                onClick={() => void run(confirming.request)}
                className="min-h-11 rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
              >
                {labels.confirm}
              </button>
              <button
                type="button"
                onClick={() => setConfirming(null)}
                onKeyDown={(e) => e.key === 'Escape' && setConfirming(null)}
                className="min-h-11 rounded border-2 border-slate-600 bg-white px-4 py-2 font-semibold"
              >
                {labels.cancel}
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" disabled={pending} className="min-h-11 rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 disabled:bg-slate-600">
            {pending ? labels.saving : submitLabel}
          </button>
        )}
      </form>
      <p aria-live="polite" className="mt-2 font-semibold text-green-900">
        {refreshing ? null : success}
      </p>
    </section>
  );
}

/** Reads an integer field; an empty or non-integer value becomes a field error (the server checks again). */
export function intField(form: FormData, name: string, errors: Record<string, string>, message: string): number {
  const raw = String(form.get(name) ?? '').trim();
  if (!/^\d+$/.test(raw)) {
    errors[name] = message;
    return 0;
  }
  return Number(raw);
}
