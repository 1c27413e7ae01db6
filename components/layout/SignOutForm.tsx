'use client';

/**
 * The sign-out button. With actions still waiting in this device's offline queue it asks first:
 * they stay on the device and are sent at the officer's next sign-in here.
 */
import { useRef } from 'react';
import { pendingActions } from '@/lib/api-client/offline-queue';
import { interpolate } from '@/lib/i18n/translate';

export function SignOutForm({
  action,
  userId,
  labels,
}: {
  action: (formData: FormData) => Promise<void>;
  userId: string;
  labels: { signOut: string; warnOne: string; warnOther: string };
}) {
  const confirmed = useRef(false);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (confirmed.current) return;
        e.preventDefault();
        const form = e.currentTarget;
        void pendingActions(userId)
          .catch(() => [])
          .then((pending) => {
            const n = pending.length;
            const warning = interpolate(new Intl.PluralRules(document.documentElement.lang || 'en').select(n) === 'one' ? labels.warnOne : labels.warnOther, { count: n });
            if (n === 0 || window.confirm(warning)) {
              confirmed.current = true;
              form.requestSubmit();
            }
          });
      }}
    >
      <button type="submit" className="min-h-11 rounded bg-white px-4 py-2 font-semibold text-slate-900">
        {labels.signOut}
      </button>
    </form>
  );
}
