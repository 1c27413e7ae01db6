'use client';

import { useMemo, useState } from 'react';
import type { Messages } from '@/lib/i18n/messages/en';
import { createTranslator } from '@/lib/i18n/translate';
import { AdminForm, type FormLabels } from './AdminForm';
import { Field, SelectField } from './Field';

const ROLES = ['officer', 'supervisor', 'admin'] as const;
const MIN_PASSWORD = 12;

interface Common {
  messages: Pick<Messages, 'admin'>;
  roleNames: Record<(typeof ROLES)[number], string>;
  labels: FormLabels;
  locale: string;
  ports: Array<{ slug: string; name: string }>;
}

function RolePortFields({ p, t, props, errors, role, setRole, portSlug }: {
  p: string;
  t: ReturnType<typeof createTranslator>;
  props: Common;
  errors: Record<string, string>;
  role: string;
  setRole: (r: string) => void;
  portSlug?: string | null;
}) {
  return (
    <>
      <SelectField id={`${p}-role`} name="role" label={t('admin.users.role')} value={role} onChange={setRole} error={errors.role} options={ROLES.map((r) => ({ value: r, label: props.roleNames[r] }))} />
      <SelectField
        id={`${p}-port`}
        name="portSlug"
        label={t('admin.users.port')}
        help={t('admin.users.portHelp')}
        error={errors.portSlug}
        defaultValue={portSlug ?? ''}
        options={[{ value: '', label: t('admin.users.noPort') }, ...props.ports.map((x) => ({ value: x.slug, label: x.name }))]}
      />
    </>
  );
}

export function NewUserForm(props: Common) {
  const t = useMemo(() => createTranslator(props.messages), [props.messages]);
  const [role, setRole] = useState<string>('officer');
  const names = { email: t('admin.users.email'), name: t('admin.users.name'), role: t('admin.users.role'), portSlug: t('admin.users.port'), password: t('admin.users.password') };
  return (
    <AdminForm<{ user: { email: string } }>
      title={t('admin.users.addTitle')}
      submitLabel={t('admin.users.add')}
      labels={props.labels}
      locale={props.locale}
      resetOnSuccess
      fieldNames={names}
      build={(form) => {
        const errors: Record<string, string> = {};
        const text = (k: string) => String(form.get(k) ?? '').trim();
        const body = { email: text('email'), name: text('name'), role, portSlug: text('portSlug') || null, password: String(form.get('password') ?? '') };
        if (!body.email.includes('@')) errors.email = t('admin.form.required');
        if (!body.name) errors.name = t('admin.form.required');
        if (role === 'officer' && !body.portSlug) errors.portSlug = t('admin.users.portHelp');
        if (body.password.length < MIN_PASSWORD) errors.password = t('admin.users.passwordHelp');
        if (Object.keys(errors).length) return { fields: errors };
        return { method: 'POST', url: '/api/v1/admin/users', body };
      }}
      successText={(data) => t('admin.users.created', { email: data.user.email })}
    >
      {(errors) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="nu-name" name="name" required autoComplete="off" label={names.name} error={errors.name} />
          <Field id="nu-email" name="email" type="email" required autoComplete="off" label={names.email} error={errors.email} />
          <RolePortFields p="nu" t={t} props={props} errors={errors} role={role} setRole={setRole} />
          <Field id="nu-password" name="password" type="password" required autoComplete="new-password" minLength={MIN_PASSWORD} label={names.password} help={t('admin.users.passwordHelp')} error={errors.password} />
        </div>
      )}
    </AdminForm>
  );
}

export function UserRoleForm(props: Common & { user: { id: string; name: string; role: string; portSlug: string | null } }) {
  const t = useMemo(() => createTranslator(props.messages), [props.messages]);
  const [role, setRole] = useState<string>(props.user.role);
  const p = `ur-${props.user.id.slice(0, 8)}`;
  return (
    <AdminForm
      title={t('admin.users.changeTitle', { name: props.user.name })}
      submitLabel={t('admin.users.save')}
      labels={props.labels}
      locale={props.locale}
      fieldNames={{ role: t('admin.users.role'), portSlug: t('admin.users.port') }}
      build={(form) => {
        const portSlug = String(form.get('portSlug') ?? '') || null;
        if (role === 'officer' && !portSlug) return { fields: { portSlug: t('admin.users.portHelp') } };
        return { method: 'PATCH', url: `/api/v1/admin/users/${props.user.id}`, body: { role, portSlug: role === 'officer' ? portSlug : null } };
      }}
      successText={() => t('admin.form.saved')}
    >
      {(errors) => <RolePortFields p={p} t={t} props={props} errors={errors} role={role} setRole={setRole} portSlug={props.user.portSlug} />}
    </AdminForm>
  );
}

export function ResetPasswordForm(props: Common & { user: { id: string; name: string } }) {
  const t = useMemo(() => createTranslator(props.messages), [props.messages]);
  const p = `rp-${props.user.id.slice(0, 8)}`;
  return (
    <AdminForm
      title={t('admin.users.resetTitle', { name: props.user.name })}
      submitLabel={t('admin.users.resetPassword')}
      labels={props.labels}
      locale={props.locale}
      resetOnSuccess
      fieldNames={{ password: t('admin.users.newPassword') }}
      build={(form) => {
        const password = String(form.get('password') ?? '');
        if (password.length < MIN_PASSWORD) return { fields: { password: t('admin.users.passwordHelp') } };
        return { method: 'PATCH', url: `/api/v1/admin/users/${props.user.id}`, body: { password } };
      }}
      successText={() => t('admin.users.resetDone', { name: props.user.name })}
    >
      {(errors) => (
        <Field id={`${p}-password`} name="password" type="password" required autoComplete="new-password" minLength={MIN_PASSWORD} label={t('admin.users.newPassword')} help={t('admin.users.passwordHelp')} error={errors.password} />
      )}
    </AdminForm>
  );
}
