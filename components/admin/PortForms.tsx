'use client';

import { useMemo } from 'react';
import type { Messages } from '@/lib/i18n/messages/en';
import { createTranslator } from '@/lib/i18n/translate';
import { AdminForm, intField, type FormLabels } from './AdminForm';
import { Field, SelectField } from './Field';

interface PortValues {
  slug: string;
  name: string;
  state: string;
  code: string;
  timeZone: string;
  graceMinutes: number;
  bookingWindowDays: number;
}

/** Add (no port given) or edit one port. */
export function PortForm({
  messages,
  labels,
  locale,
  timeZones,
  port,
}: {
  messages: Pick<Messages, 'admin'>;
  labels: FormLabels;
  locale: string;
  timeZones: readonly string[];
  port?: PortValues;
}) {
  const t = useMemo(() => createTranslator(messages), [messages]);
  const p = port ? `edit-${port.slug}` : 'new-port';
  const names = {
    slug: t('admin.ports.slug'),
    name: t('admin.ports.name'),
    state: t('admin.ports.state'),
    code: t('admin.ports.code'),
    timeZone: t('admin.ports.timeZone'),
    graceMinutes: t('admin.ports.grace'),
    bookingWindowDays: t('admin.ports.bookingWindow'),
  };
  return (
    <AdminForm<{ port: { name: string } }>
      title={port ? t('admin.ports.editTitle', { port: port.name }) : t('admin.ports.addTitle')}
      submitLabel={port ? t('admin.ports.save') : t('admin.ports.add')}
      labels={labels}
      locale={locale}
      resetOnSuccess={!port}
      fieldNames={names}
      build={(form) => {
        const errors: Record<string, string> = {};
        const text = (k: string) => String(form.get(k) ?? '').trim();
        const graceMinutes = intField(form, 'graceMinutes', errors, t('admin.ports.graceHelp'));
        if (graceMinutes > 120) errors.graceMinutes = t('admin.ports.graceHelp');
        const bookingWindowDays = intField(form, 'bookingWindowDays', errors, t('admin.ports.bookingWindowHelp'));
        if (bookingWindowDays < 1 || bookingWindowDays > 366) errors.bookingWindowDays = t('admin.ports.bookingWindowHelp');
        const body: Record<string, unknown> = { name: text('name'), state: text('state').toUpperCase(), code: text('code'), timeZone: text('timeZone'), graceMinutes, bookingWindowDays };
        for (const k of ['name', 'state', 'code'] as const) if (!body[k]) errors[k] = t('admin.form.required');
        if (!port) {
          body.slug = text('slug');
          if (!body.slug) errors.slug = t('admin.form.required');
        }
        if (Object.keys(errors).length) return { fields: errors };
        return port
          ? { method: 'PATCH', url: `/api/v1/admin/ports/${encodeURIComponent(port.slug)}`, body }
          : { method: 'POST', url: '/api/v1/admin/ports', body };
      }}
      successText={(data) => (port ? t('admin.form.saved') : t('admin.ports.added', { port: data.port.name }))}
    >
      {(errors) => (
        <div className="grid gap-4 sm:grid-cols-2">
          {!port && <Field id={`${p}-slug`} name="slug" required label={names.slug} help={t('admin.ports.slugHelp')} error={errors.slug} />}
          <Field id={`${p}-name`} name="name" required defaultValue={port?.name} label={names.name} error={errors.name} />
          <Field id={`${p}-state`} name="state" required maxLength={2} defaultValue={port?.state} label={names.state} help={t('admin.ports.stateHelp')} error={errors.state} />
          <Field id={`${p}-code`} name="code" required inputMode="numeric" maxLength={4} defaultValue={port?.code} label={names.code} help={t('admin.ports.codeHelp')} error={errors.code} />
          <SelectField
            id={`${p}-tz`}
            name="timeZone"
            label={names.timeZone}
            help={t('admin.ports.timeZoneHelp')}
            error={errors.timeZone}
            defaultValue={port?.timeZone ?? 'America/Chicago'}
            options={timeZones.map((z) => ({ value: z, label: z }))}
          />
          <Field
            id={`${p}-grace`}
            name="graceMinutes"
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            required
            defaultValue={port?.graceMinutes ?? 15}
            label={names.graceMinutes}
            help={t('admin.ports.graceHelp')}
            error={errors.graceMinutes}
          />
          <Field
            id={`${p}-window`}
            name="bookingWindowDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={366}
            required
            defaultValue={port?.bookingWindowDays ?? 60}
            label={names.bookingWindowDays}
            help={t('admin.ports.bookingWindowHelp')}
            error={errors.bookingWindowDays}
          />
        </div>
      )}
    </AdminForm>
  );
}
