import { ActionButton } from '@/components/admin/ActionButton';
import { AdminBreadcrumb } from '@/components/admin/AdminBreadcrumb';
import { IntakeKeyForm } from '@/components/admin/IntakeKeyForm';
import { formLabels } from '@/lib/admin/form-labels';
import { utcInstantFormatter } from '@/lib/format';
import { requirePageActor } from '@/lib/auth/current';
import { pickMessages } from '@/lib/i18n/catalog';
import { getT } from '@/lib/i18n/server';
import { listIntakeKeys } from '@/lib/intake-keys/queries';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('admin.intakeKeys.title');

export default async function IntakeKeysPage() {
  const actor = await requirePageActor('admin.intakeKeys');
  const { t, locale } = await getT();
  const keys = await listIntakeKeys(actor);
  const labels = formLabels(t);
  const fmt = utcInstantFormatter(locale);
  return (
    <>
      <AdminBreadcrumb label={t('admin.title')} current={t('admin.intakeKeys.title')} />
      <h1 className="mb-1 text-3xl font-bold">{t('admin.intakeKeys.title')}</h1>
      <p className="mb-2 max-w-3xl text-slate-700">{t('admin.intakeKeys.intro')}</p>
      <p className="mb-6">
        {/* A plain link: the reference is its own document (Scalar), outside the app's layout. */}
        <a href="/api/docs" className="font-semibold text-blue-800 underline underline-offset-2">
          {t('admin.intakeKeys.apiReference')}
        </a>
      </p>
      {keys.length === 0 ? (
        <p className="mb-8">{t('admin.intakeKeys.empty')}</p>
      ) : (
        <div className="mb-8 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b-2 border-slate-400">
                {(['name', 'prefix', 'created', 'lastUsed', 'status', 'actions'] as const).map((c) => (
                  <th key={c} scope="col" className="px-3 py-2">
                    {t(`admin.intakeKeys.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} data-key={k.name} className="border-b border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2">{k.name}</th>
                  <td className="px-3 py-2 font-mono">{k.prefix}…</td>
                  <td className="px-3 py-2">
                    {fmt(k.createdAt)}
                    {k.createdBy && <span className="block text-sm text-slate-700">{k.createdBy}</span>}
                  </td>
                  <td className="px-3 py-2">{k.lastUsedAt ? fmt(k.lastUsedAt) : t('admin.intakeKeys.never')}</td>
                  <td className="px-3 py-2">
                    {k.revokedAt ? <span className="font-semibold text-amber-900">{t('admin.intakeKeys.revoked', { date: fmt(k.revokedAt) })}</span> : t('admin.intakeKeys.active')}
                  </td>
                  <td className="px-3 py-2">
                    {!k.revokedAt && (
                      <ActionButton
                        label={t('admin.intakeKeys.revoke')}
                        tone="danger"
                        request={{ method: 'DELETE', url: `/api/v1/admin/intake-keys/${k.id}` }}
                        confirmText={t('admin.intakeKeys.confirmRevoke', { name: k.name })}
                        labels={labels}
                        locale={locale}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <IntakeKeyForm messages={pickMessages(locale, ['admin'])} labels={labels} locale={locale} />
    </>
  );
}
