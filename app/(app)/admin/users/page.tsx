import { ActionButton } from '@/components/admin/ActionButton';
import { AdminBreadcrumb } from '@/components/admin/AdminBreadcrumb';
import { NewUserForm, ResetPasswordForm, UserRoleForm } from '@/components/admin/UserForms';
import { formLabels } from '@/lib/admin/form-labels';
import { utcInstantFormatter } from '@/lib/format';
import { requirePageActor } from '@/lib/auth/current';
import { formatNumber } from '@/lib/format';
import { pickMessages } from '@/lib/i18n/catalog';
import { getT } from '@/lib/i18n/server';
import { listPortsForAdmin } from '@/lib/ports/admin-queries';
import { listUsersForAdmin } from '@/lib/users/admin-queries';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('admin.users.title');

export default async function UsersPage() {
  const actor = await requirePageActor('admin.users');
  const { t, locale } = await getT();
  const [users, ports] = await Promise.all([listUsersForAdmin(actor), listPortsForAdmin(actor)]);
  const common = {
    messages: pickMessages(locale, ['admin']),
    roleNames: { officer: t('roles.officer'), supervisor: t('roles.supervisor'), admin: t('roles.admin') },
    labels: formLabels(t),
    locale,
    ports: ports.map((p) => ({ slug: p.slug, name: p.name })),
  };
  const portName = new Map(ports.map((p) => [p.slug, p.name]));
  const fmt = utcInstantFormatter(locale);
  return (
    <>
      <AdminBreadcrumb label={t('admin.title')} current={t('admin.users.title')} />
      <h1 className="mb-1 text-3xl font-bold">{t('admin.users.title')}</h1>
      <p className="mb-6 max-w-3xl text-slate-700">{t('admin.users.intro')}</p>
      <div className="mb-8 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b-2 border-slate-400">
              {(['name', 'email', 'role', 'port', 'lastSignIn', 'status', 'actions'] as const).map((c) => (
                <th key={c} scope="col" className="px-3 py-2">
                  {t(`admin.users.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-user={u.email} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-3 py-2">{u.name}</th>
                <td className="px-3 py-2 break-all">{u.email}</td>
                <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
                <td className="px-3 py-2">{u.portSlug ? (portName.get(u.portSlug) ?? u.portSlug) : '—'}</td>
                <td className="px-3 py-2 tabular-nums">{u.lastSignInAt ? fmt(u.lastSignInAt) : t('admin.users.never')}</td>
                <td className="px-3 py-2">
                  {u.active ? t('admin.users.active') : <span className="font-semibold text-amber-900">{t('admin.users.inactive')}</span>}
                  {u.mustChangePassword && <span className="block text-sm text-slate-700">{t('admin.users.mustChange')}</span>}
                </td>
                <td className="space-y-2 px-3 py-2">
                  {u.id !== actor.userId && (
                    <ActionButton
                      label={u.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
                      tone={u.active ? 'danger' : 'neutral'}
                      request={{ method: 'PATCH', url: `/api/v1/admin/users/${u.id}`, body: { active: !u.active } }}
                      confirmText={u.active ? t('admin.users.confirmDeactivate', { name: u.name, sessions: formatNumber(u.openSessions, locale) }) : undefined}
                      labels={common.labels}
                      locale={locale}
                    />
                  )}
                  <details>
                    <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-blue-800 underline">{t('admin.users.change')}</summary>
                    <div className="mt-2 min-w-80">
                      <UserRoleForm {...common} user={u} />
                    </div>
                  </details>
                  <details>
                    <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-blue-800 underline">{t('admin.users.resetPassword')}</summary>
                    <div className="mt-2 min-w-80">
                      <ResetPasswordForm {...common} user={u} />
                    </div>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewUserForm {...common} />
    </>
  );
}
