'use client';

import { useMemo, useState } from 'react';
import type { Messages } from '@/lib/i18n/messages/en';
import { createTranslator } from '@/lib/i18n/translate';
import { AdminForm, type FormLabels } from './AdminForm';
import { Field } from './Field';

/** Creates a key and shows its secret this once (it is never retrievable again). */
export function IntakeKeyForm({ messages, labels, locale }: { messages: Pick<Messages, 'admin'>; labels: FormLabels; locale: string }) {
  const t = useMemo(() => createTranslator(messages), [messages]);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      <AdminForm<{ key: string; name: string }>
        title={t('admin.intakeKeys.addTitle')}
        submitLabel={t('admin.intakeKeys.add')}
        labels={labels}
        locale={locale}
        resetOnSuccess
        fieldNames={{ name: t('admin.intakeKeys.name') }}
        build={(form) => {
          const name = String(form.get('name') ?? '').trim();
          if (name.length < 2) return { fields: { name: t('admin.form.required') } };
          return { method: 'POST', url: '/api/v1/admin/intake-keys', body: { name } };
        }}
        successText={(data) => {
          setSecret(data.key);
          return t('admin.form.saved');
        }}
      >
        {(errors) => <Field id="ik-name" name="name" required autoComplete="off" label={t('admin.intakeKeys.name')} help={t('admin.intakeKeys.nameHelp')} error={errors.name} />}
      </AdminForm>
      {secret && (
        <div className="mt-4 rounded border-2 border-green-800 bg-green-50 p-4">
          <p className="mb-2 font-semibold text-green-950">{t('admin.intakeKeys.shownOnce')}</p>
          <output data-testid="new-intake-key" className="block break-all rounded bg-white p-2 font-mono text-lg">
            {secret}
          </output>
        </div>
      )}
    </>
  );
}
