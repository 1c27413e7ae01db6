'use client';

import { useActionState } from 'react';
import type { SignInState } from '@/app/actions/session';

export interface SignInLabels {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  invalid: string;
  throttled: string;
  missing: string;
}

export function SignInForm({
  action,
  labels,
  callbackUrl,
}: {
  action: (prev: SignInState, formData: FormData) => Promise<SignInState>;
  labels: SignInLabels;
  callbackUrl: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const message = state.error ? labels[state.error] : null;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {message && (
        <div role="alert" id="sign-in-error" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {message}
        </div>
      )}
      <div>
        <label htmlFor="email" className="mb-1 block font-semibold">
          {labels.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          defaultValue={state.email ?? ''}
          aria-describedby={message ? 'sign-in-error' : undefined}
          aria-invalid={message ? true : undefined}
          className="block min-h-11 w-full rounded border-2 border-slate-500 px-3 py-2 text-lg"
        />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block font-semibold">
          {labels.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby={message ? 'sign-in-error' : undefined}
          aria-invalid={message ? true : undefined}
          className="block min-h-11 w-full rounded border-2 border-slate-500 px-3 py-2 text-lg"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 w-full rounded bg-blue-800 px-4 py-3 text-lg font-semibold text-white hover:bg-blue-900 disabled:bg-slate-600"
      >
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
