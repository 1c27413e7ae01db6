import { ActionButton } from '@/components/admin/ActionButton';
import { AdminBreadcrumb } from '@/components/admin/AdminBreadcrumb';
import { OutcomeCodeForm } from '@/components/admin/OutcomeCodeForms';
import { formLabels } from '@/lib/admin/form-labels';
import { requirePageActor } from '@/lib/auth/current';
import { formatNumber } from '@/lib/format';
import { pickMessages } from '@/lib/i18n/catalog';
import { getT } from '@/lib/i18n/server';
import { listOutcomeCodesForAdmin } from '@/lib/outcome-codes/queries';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('admin.outcomeCodes.title');

export default async function OutcomeCodesPage() {
  const actor = await requirePageActor('admin.outcomeCodes');
  const { t, locale } = await getT();
  const codes = await listOutcomeCodesForAdmin(actor);
  const messages = pickMessages(locale, ['admin']);
  const labels = formLabels(t);
  return (
    <>
      <AdminBreadcrumb label={t('admin.title')} current={t('admin.outcomeCodes.title')} />
      <h1 className="mb-1 text-3xl font-bold">{t('admin.outcomeCodes.title')}</h1>
      <p className="mb-6 max-w-3xl text-slate-700">{t('admin.outcomeCodes.intro')}</p>
      <div className="mb-8 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b-2 border-slate-400">
              {(['code', 'labelEn', 'labelEs', 'note', 'uses', 'status', 'actions'] as const).map((c) => (
                <th key={c} scope="col" className="px-3 py-2">
                  {t(`admin.outcomeCodes.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {codes.map((c) => (
              <tr key={c.code} data-code={c.code} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 font-mono">
                  {c.code}
                </th>
                <td className="px-3 py-2" lang="en">{c.labelEn}</td>
                <td className="px-3 py-2" lang="es">{c.labelEs}</td>
                <td className="px-3 py-2">{c.requiresNote ? t('admin.outcomeCodes.yes') : t('admin.outcomeCodes.no')}</td>
                <td className="px-3 py-2 tabular-nums">{formatNumber(c.uses, locale)}</td>
                <td className="px-3 py-2">
                  {c.active ? t('admin.outcomeCodes.active') : <span className="font-semibold text-amber-900">{t('admin.outcomeCodes.retired')}</span>}
                </td>
                <td className="space-y-2 px-3 py-2">
                  <ActionButton
                    label={c.active ? t('admin.outcomeCodes.retire') : t('admin.outcomeCodes.reactivate')}
                    tone={c.active ? 'danger' : 'neutral'}
                    request={{ method: 'PATCH', url: `/api/v1/admin/outcome-codes/${c.code}`, body: { active: !c.active } }}
                    confirmText={c.active ? t('admin.outcomeCodes.confirmRetire', { code: c.code, uses: formatNumber(c.uses, locale) }) : undefined}
                    labels={labels}
                    locale={locale}
                  />
                  {c.uses === 0 && (
                    <ActionButton
                      label={t('admin.outcomeCodes.delete')}
                      tone="danger"
                      request={{ method: 'DELETE', url: `/api/v1/admin/outcome-codes/${c.code}` }}
                      confirmText={t('admin.outcomeCodes.confirmDelete', { code: c.code })}
                      labels={labels}
                      locale={locale}
                    />
                  )}
                  <details>
                    <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-blue-800 underline">{t('admin.outcomeCodes.relabel')}</summary>
                    <div className="mt-2 min-w-80">
                      <OutcomeCodeForm messages={messages} labels={labels} locale={locale} code={c} />
                    </div>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <OutcomeCodeForm messages={messages} labels={labels} locale={locale} />
    </>
  );
}
