'use client';

import { useMemo, useState } from 'react';
import type { CapacityDayJson, NationalDayJson } from '@/lib/capacity/schemas';
import { createTranslator } from '@/lib/i18n/translate';
import type { Messages } from '@/lib/i18n/messages/en';
import { AdminForm, intField, type FormLabels } from './AdminForm';
import { Field, SelectField } from './Field';

const KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

interface Props {
  messages: Pick<Messages, 'admin'>;
  labels: FormLabels;
  locale: string;
  ports: Array<{ slug: string; name: string }>;
  selectedPort: string | null;
  weekdays: Record<string, Record<string, number>>;
  days: CapacityDayJson[];
  national: NationalDayJson[];
  nationalCap: number;
  today: string;
}

export function CapacityForms(props: Props) {
  const t = useMemo(() => createTranslator(props.messages), [props.messages]);
  const nf = useMemo(() => new Intl.NumberFormat(props.locale === 'es' ? 'es-MX' : 'en-US'), [props.locale]);
  const n = (x: number) => nf.format(x);
  const portOptions = props.ports.map((p) => ({ value: p.slug, label: p.name }));
  const nameOf = (slug: string) => props.ports.find((p) => p.slug === slug)?.name ?? slug;
  const [weekdayPort, setWeekdayPort] = useState(props.selectedPort ?? props.ports[0]?.slug ?? '');
  const current = props.weekdays[weekdayPort] ?? {};
  const limitMsg = t('admin.capacity.limitHelp');
  const dayNames = Object.fromEntries(KEYS.map((k) => [k, t(`admin.capacity.weekdays.${k}`)]));

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <AdminForm
        title={t('admin.capacity.weekdaysTitle')}
        help={t('admin.capacity.weekdaysHelp')}
        submitLabel={t('admin.capacity.saveWeekdays')}
        labels={props.labels}
        locale={props.locale}
        fieldNames={{ ...dayNames, from: t('admin.capacity.from') }}
        build={(form) => {
          const errors: Record<string, string> = {};
          const body: Record<string, number | string> = {};
          for (const k of KEYS) body[k] = intField(form, k, errors, limitMsg);
          const from = String(form.get('from') ?? '').trim();
          if (from) body.from = from;
          if (Object.keys(errors).length) return { fields: errors };
          return { method: 'PUT', url: `/api/v1/admin/capacity/${encodeURIComponent(weekdayPort)}/weekdays`, body };
        }}
        confirmText={(_form, req) => {
          const body = req.body as Record<string, number>;
          const before = KEYS.reduce((s, k) => s + (current[k] ?? 0), 0);
          const after = KEYS.reduce((s, k) => s + body[k]!, 0);
          const lowered = KEYS.some((k) => body[k]! < (current[k] ?? 0));
          const wide = Math.abs(after - before) >= 100;
          if (!lowered && !wide) return null;
          const change = after - before;
          return t('admin.capacity.confirmWeekdays', { port: nameOf(weekdayPort), before: n(before), after: n(after), change: `${change > 0 ? '+' : ''}${n(change)}` });
        }}
        successText={() => t('admin.form.saved')}
      >
        {(errors) => (
          <>
            <SelectField id="wd-port" name="port" label={t('admin.capacity.weekdayPort')} options={portOptions} value={weekdayPort} onChange={setWeekdayPort} />
            <fieldset key={weekdayPort}>
              <legend className="mb-1 font-semibold">{t('admin.capacity.weekdaysTitle')}</legend>
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-2">
                {KEYS.map((k) => (
                  <Field key={k} id={`wd-${k}`} name={k} label={dayNames[k]!} type="number" inputMode="numeric" min={0} defaultValue={current[k] ?? 0} error={errors[k]} />
                ))}
              </div>
              <p className="mt-1 text-sm text-slate-700">{limitMsg}</p>
            </fieldset>
            <Field id="wd-from" name="from" type="date" min={props.today} label={t('admin.capacity.from')} help={t('admin.capacity.fromHelp')} error={errors.from} />
          </>
        )}
      </AdminForm>

      <AdminForm
        title={t('admin.capacity.overrideTitle')}
        help={t('admin.capacity.overrideHelp')}
        submitLabel={t('admin.capacity.saveOverride')}
        labels={props.labels}
        locale={props.locale}
        fieldNames={{ date: t('admin.capacity.overrideDate'), limit: t('admin.capacity.overrideLimit') }}
        build={(form) => {
          const errors: Record<string, string> = {};
          const port = String(form.get('port') ?? '');
          const date = String(form.get('date') ?? '').trim();
          if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.date = t('admin.form.required');
          const limit = intField(form, 'limit', errors, limitMsg);
          if (Object.keys(errors).length) return { fields: errors };
          return { method: 'PUT', url: `/api/v1/admin/capacity/${encodeURIComponent(port)}/dates/${date}`, body: { limit } };
        }}
        confirmText={(form, req) => {
          const port = String(form.get('port'));
          const date = String(form.get('date'));
          const after = (req.body as { limit: number }).limit;
          const day = props.days.find((d) => d.port === port && d.date === date);
          const before = day?.limit;
          const booked = day?.booked ?? 0;
          if (before !== undefined && after >= before && after > 0) return null;
          const vars = { port: nameOf(port), date, before: before === undefined ? '?' : n(before), after: n(after), booked: n(booked) };
          return after === 0 ? t('admin.capacity.confirmClosure', vars) : t('admin.capacity.confirmOverride', vars);
        }}
        successText={() => t('admin.form.saved')}
      >
        {(errors) => (
          <>
            <SelectField id="ov-port" name="port" label={t('admin.capacity.overridePort')} options={portOptions} defaultValue={props.selectedPort ?? undefined} />
            <Field id="ov-date" name="date" type="date" min={props.today} required label={t('admin.capacity.overrideDate')} error={errors.date} />
            <Field id="ov-limit" name="limit" type="number" inputMode="numeric" min={0} required label={t('admin.capacity.overrideLimit')} help={t('admin.capacity.overrideLimitHelp')} error={errors.limit} />
          </>
        )}
      </AdminForm>

      <AdminForm
        title={t('admin.capacity.capTitle')}
        help={t('admin.capacity.capHelp')}
        submitLabel={t('admin.capacity.saveCap')}
        labels={props.labels}
        locale={props.locale}
        fieldNames={{ dailyCap: t('admin.capacity.capLabel') }}
        build={(form) => {
          const errors: Record<string, string> = {};
          const dailyCap = intField(form, 'dailyCap', errors, limitMsg);
          if (Object.keys(errors).length) return { fields: errors };
          return { method: 'PUT', url: '/api/v1/admin/national-cap', body: { dailyCap } };
        }}
        confirmText={(_form, req) => {
          const after = (req.body as { dailyCap: number }).dailyCap;
          if (after >= props.nationalCap) return null;
          const max = props.national.reduce((m, d) => Math.max(m, d.limit), 0);
          return t('admin.capacity.confirmCap', { before: n(props.nationalCap), after: n(after), max: n(max) });
        }}
        successText={() => t('admin.form.saved')}
      >
        {(errors) => (
          <Field id="cap" name="dailyCap" type="number" inputMode="numeric" min={0} required defaultValue={props.nationalCap} label={t('admin.capacity.capLabel')} help={t('admin.capacity.limitHelp')} error={errors.dailyCap} />
        )}
      </AdminForm>
    </div>
  );
}
