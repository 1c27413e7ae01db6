import { AdminBreadcrumb } from '@/components/admin/AdminBreadcrumb';
import { CapacityCalendarTable } from '@/components/admin/CapacityCalendarTable';
import { CapacityForms } from '@/components/admin/CapacityForms';
import { formLabels } from '@/lib/admin/form-labels';
import { requirePageActor } from '@/lib/auth/current';
import { CALENDAR_DAYS, capacityCalendar } from '@/lib/capacity/queries';
import { pickMessages } from '@/lib/i18n/catalog';
import { getT } from '@/lib/i18n/server';
import { listPortsForAdmin } from '@/lib/ports/admin-queries';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('admin.capacity.title');

export default async function CapacityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('admin.capacity');
  const { t, locale } = await getT();
  const params = await searchParams;
  const ports = await listPortsForAdmin(actor);
  const selected = typeof params.port === 'string' && ports.some((p) => p.slug === params.port) ? params.port : null;
  const cal = await capacityCalendar(actor, { port: selected ?? undefined });
  const shown = selected ? ports.filter((p) => p.slug === selected) : ports;
  const today = ports.map((p) => p.today).sort()[0] ?? cal.from;
  return (
    <>
      <AdminBreadcrumb label={t('admin.title')} current={t('admin.capacity.title')} />
      <h1 className="mb-1 text-3xl font-bold">{t('admin.capacity.title')}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t('admin.capacity.intro', { days: CALENDAR_DAYS })}</p>

      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="port-chooser" className="mb-1 block font-semibold">
            {t('admin.capacity.portChooser')}
          </label>
          <select id="port-chooser" name="port" defaultValue={selected ?? ''} className="block min-h-11 rounded border-2 border-slate-500 bg-white px-3 py-2">
            <option value="">{t('admin.capacity.allPorts')}</option>
            {ports.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded border-2 border-blue-800 bg-white px-4 py-2 font-semibold text-blue-800">
          {t('admin.capacity.show')}
        </button>
      </form>

      <div className="mb-8">
        <CapacityForms
          messages={pickMessages(locale, ['admin'])}
          labels={formLabels(t)}
          locale={locale}
          ports={ports.map((p) => ({ slug: p.slug, name: p.name }))}
          selectedPort={selected}
          weekdays={cal.weekdays}
          days={cal.days}
          national={cal.national}
          nationalCap={cal.nationalCap}
          today={today}
        />
      </div>

      <h2 className="mb-2 text-2xl font-bold">{t('admin.capacity.calendarTitle')}</h2>
      <CapacityCalendarTable days={cal.days} national={cal.national} ports={shown.map((p) => ({ slug: p.slug, name: p.name, active: p.active }))} t={t} locale={locale} />
    </>
  );
}
