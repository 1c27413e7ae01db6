'use client';

import { useMemo } from 'react';
import type { Messages } from '@/lib/i18n/messages/en';
import { createTranslator } from '@/lib/i18n/translate';
import { AdminForm, type FormLabels } from './AdminForm';
import { Field } from './Field';

/** Add a code (no `code` given) or relabel one. */
export function OutcomeCodeForm({
  messages,
  labels,
  locale,
  code,
}: {
  messages: Pick<Messages, 'admin'>;
  labels: FormLabels;
  locale: string;
  code?: { code: string; labelEn: string; labelEs: string; requiresNote: boolean };
}) {
  const t = useMemo(() => createTranslator(messages), [messages]);
  const p = code ? `oc-${code.code}` : 'oc-new';
  const names = { code: t('admin.outcomeCodes.code'), labelEn: t('admin.outcomeCodes.labelEn'), labelEs: t('admin.outcomeCodes.labelEs') };
  return (
    <AdminForm
      title={code ? t('admin.outcomeCodes.relabelTitle', { code: code.code }) : t('admin.outcomeCodes.addTitle')}
      submitLabel={code ? t('admin.outcomeCodes.save') : t('admin.outcomeCodes.add')}
      labels={labels}
      locale={locale}
      resetOnSuccess={!code}
      fieldNames={names}
      build={(form) => {
        const errors: Record<string, string> = {};
        const text = (k: string) => String(form.get(k) ?? '').trim();
        const body: Record<string, unknown> = { labelEn: text('labelEn'), labelEs: text('labelEs'), requiresNote: form.get('requiresNote') === 'on' };
        if (!code) body.code = text('code');
        for (const k of Object.keys(body)) if (body[k] === '') errors[k] = t('admin.form.required');
        if (Object.keys(errors).length) return { fields: errors };
        return code
          ? { method: 'PATCH', url: `/api/v1/admin/outcome-codes/${encodeURIComponent(code.code)}`, body }
          : { method: 'POST', url: '/api/v1/admin/outcome-codes', body };
      }}
      successText={() => t('admin.form.saved')}
    >
      {(errors) => (
        <div className="grid gap-4 sm:grid-cols-2">
          {!code && <Field id={`${p}-code`} name="code" required label={names.code} help={t('admin.outcomeCodes.codeHelp')} error={errors.code} />}
          <Field id={`${p}-en`} name="labelEn" lang="en" required defaultValue={code?.labelEn} label={names.labelEn} error={errors.labelEn} />
          <Field id={`${p}-es`} name="labelEs" lang="es" required defaultValue={code?.labelEs} label={names.labelEs} error={errors.labelEs} />
          <div className="flex min-h-11 items-center gap-2">
            <input id={`${p}-note`} name="requiresNote" type="checkbox" defaultChecked={code?.requiresNote} className="h-6 w-6" />
            <label htmlFor={`${p}-note`} className="font-semibold">
              {t('admin.outcomeCodes.requiresNote')}
            </label>
          </div>
        </div>
      )}
    </AdminForm>
  );
}
