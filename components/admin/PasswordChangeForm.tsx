'use client';

import { useMemo } from 'react';
import type { Messages } from '@/lib/i18n/messages/en';
import { createTranslator } from '@/lib/i18n/translate';
import { AdminForm, type FormLabels } from './AdminForm';
import { Field } from './Field';

export function PasswordChangeForm({ messages, labels, locale, home }: { messages: Pick<Messages, 'admin'>; labels: FormLabels; locale: string; home: string }) {
  const t = useMemo(() => createTranslator(messages), [messages]);
  const names = { currentPassword: t('admin.account.current'), newPassword: t('admin.account.new'), repeat: t('admin.account.repeat') };
  return (
    <AdminForm
      submitLabel={t('admin.account.submit')}
      labels={labels}
      locale={locale}
      resetOnSuccess
      fieldNames={names}
      build={(form) => {
        const currentPassword = String(form.get('currentPassword') ?? '');
        const newPassword = String(form.get('newPassword') ?? '');
        const errors: Record<string, string> = {};
        if (!currentPassword) errors.currentPassword = t('admin.form.required');
        if (newPassword.length < 12) errors.newPassword = t('admin.account.newHelp');
        else if (newPassword !== String(form.get('repeat') ?? '')) errors.repeat = t('admin.account.mismatch');
        if (Object.keys(errors).length) return { fields: errors };
        return { method: 'POST', url: '/api/v1/account/password', body: { currentPassword, newPassword } };
      }}
      successText={() => {
        // The forced-change redirect no longer applies: continue to the start page.
        window.location.assign(home);
        return t('admin.account.done');
      }}
    >
      {(errors) => (
        <div className="space-y-4">
          <Field id="pw-current" name="currentPassword" type="password" required autoComplete="current-password" label={names.currentPassword} error={errors.currentPassword} />
          <Field id="pw-new" name="newPassword" type="password" required autoComplete="new-password" minLength={12} label={names.newPassword} help={t('admin.account.newHelp')} error={errors.newPassword} />
          <Field id="pw-repeat" name="repeat" type="password" required autoComplete="new-password" label={names.repeat} error={errors.repeat} />
        </div>
      )}
    </AdminForm>
  );
}
