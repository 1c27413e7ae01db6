import { ActionButton } from '@/components/admin/ActionButton';
import { AdminBreadcrumb } from '@/components/admin/AdminBreadcrumb';
import { PortForm } from '@/components/admin/PortForms';
import { formLabels } from '@/lib/admin/form-labels';
import { requirePageActor } from '@/lib/auth/current';
import { pickMessages } from '@/lib/i18n/catalog';
import { getT } from '@/lib/i18n/server';
import { listPortsForAdmin } from '@/lib/ports/admin-queries';
import { portTimeZones } from '@/lib/ports/time-zones';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('admin.ports.title');

export default async function PortsAdminPage() {
  const actor = await requirePageActor('admin.ports');
  const { t, locale } = await getT();
  const ports = await listPortsForAdmin(actor);
  const messages = pickMessages(locale, ['admin']);
  const labels = formLabels(t);
  const zones = portTimeZones();
  return (
    <>
      <AdminBreadcrumb label={t('admin.title')} current={t('admin.ports.title')} />
      <h1 className="mb-1 text-3xl font-bold">{t('admin.ports.title')}</h1>
      <p className="mb-6 max-w-3xl text-slate-700">{t('admin.ports.intro')}</p>
      <div className="mb-8 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b-2 border-slate-400">
              {(['name', 'code', 'state', 'timeZone', 'grace', 'window', 'status', 'actions'] as const).map((c) => (
                <th key={c} scope="col" className="px-3 py-2">
                  {t(`admin.ports.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ports.map((p) => (
              <tr key={p.slug} data-port={p.slug} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-3 py-2">
                  {p.name}
                  <span className="block text-sm font-normal text-slate-700">{p.slug}</span>
                </th>
                <td className="px-3 py-2 tabular-nums">{p.code}</td>
                <td className="px-3 py-2">{p.state}</td>
                <td className="px-3 py-2">{p.timeZone}</td>
                <td className="px-3 py-2 tabular-nums">{p.graceMinutes}</td>
                <td className="px-3 py-2 tabular-nums">{p.bookingWindowDays}</td>
                <td className="px-3 py-2">
                  {p.active ? (
                    t('admin.ports.active')
                  ) : (
                    <span className="rounded border-2 border-amber-800 bg-amber-50 px-2 py-1 font-semibold text-amber-950">{t('admin.ports.suspended')}</span>
                  )}
                </td>
                <td className="space-y-2 px-3 py-2">
                  <ActionButton
                    label={p.active ? t('admin.ports.suspend') : t('admin.ports.reactivate')}
                    tone={p.active ? 'danger' : 'neutral'}
                    request={{ method: 'PATCH', url: `/api/v1/admin/ports/${p.slug}`, body: { active: !p.active } }}
                    confirmText={p.active ? t('admin.ports.confirmSuspend', { port: p.name }) : undefined}
                    labels={labels}
                    locale={locale}
                  />
                  <details>
                    <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-blue-800 underline">{t('admin.ports.edit')}</summary>
                    <div className="mt-2 min-w-80">
                      <PortForm messages={messages} labels={labels} locale={locale} timeZones={zones} port={p} />
                    </div>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PortForm messages={messages} labels={labels} locale={locale} timeZones={zones} />
    </>
  );
}
