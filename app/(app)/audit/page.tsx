import Link from 'next/link';
import { Suspense } from 'react';
import { formatInstant } from '@/lib/format';
import { Skeleton } from '@/components/ui/Skeleton';
import type { Actor } from '@/lib/auth/actor';
import type { AuditQuery } from '@/lib/audit/schemas';
import type { PortRecord } from '@/lib/ports/queries';
import { fieldsOf } from '@/lib/api/validate';
import { auditCheckpointSchedule } from '@/lib/audit/checkpoint-status';
import { listAuditEvents } from '@/lib/audit/queries';
import { AuditQuerySchema } from '@/lib/audit/schemas';
import { requirePageActor } from '@/lib/auth/current';
import { isAppError } from '@/lib/errors';
import { formatNumber } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/translate';
import { listPorts } from '@/lib/ports/queries';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('audit.title');

const FILTER_KEYS = ['port', 'actor', 'action', 'from', 'to'] as const;
const inputClass = 'mt-1 block w-full min-h-11 rounded border-2 border-slate-600 bg-white px-3 py-2';

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('audit.read');
  const { t, locale } = await getT();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const ports = await listPorts(actor);
  const schedule = await auditCheckpointSchedule(actor);
  const utc = (iso: string) => `${formatInstant(iso, 'UTC', locale)} ${t('audit.utc')}`;
  const parsed = AuditQuerySchema.safeParse({ ...raw, format: 'json' });
  const problem = parsed.success
    ? null
    : Object.entries(fieldsOf(parsed.error))
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ');
  const filters = new URLSearchParams();
  for (const k of FILTER_KEYS) if (raw[k]) filters.set(k, raw[k]!);
  const csvHref = `/api/v1/admin/audit?${new URLSearchParams([...filters, ['format', 'csv']]).toString()}`;

  return (
    <>
      <h1 className="mb-1 text-3xl font-bold">{t('audit.title')}</h1>
      <p className="mb-4 text-slate-700">{t('audit.intro')}</p>

      <section aria-labelledby="checkpoints-title" className="mb-4 rounded border border-slate-300 bg-white p-4">
        <h2 id="checkpoints-title" className="mb-2 text-xl font-bold">
          {t('audit.checkpoints')}
        </h2>
        <p className="mb-2 text-slate-700">{t('audit.checkpointsIntro')}</p>
        <p>
          {t('audit.checkpointSchedule', { minutes: formatNumber(schedule.intervalMinutes, locale) })}{' '}
          {schedule.last
            ? t('audit.checkpointLast', { at: utc(schedule.last.takenAt), events: formatNumber(schedule.last.events, locale) })
            : t('audit.checkpointNone')}{' '}
          {t('audit.checkpointNext', { at: utc(schedule.nextDue) })}
        </p>
        <a href="/api/v1/admin/audit/checkpoint" download className="mt-2 inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
          {t('audit.checkpointDownload')}
        </a>
      </section>

      <form method="get" action="/audit" aria-labelledby="filters-title" className="mb-4 rounded border border-slate-300 bg-white p-4">
        <h2 id="filters-title" className="mb-2 text-xl font-bold">
          {t('audit.filters')}
        </h2>
        {problem && (
          <p role="alert" className="mb-3 rounded border-l-4 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
            {t('audit.invalidFilters', { detail: problem })}
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <div>
            <label htmlFor="audit-port" className="block font-semibold">
              {t('audit.port')}
            </label>
            <select id="audit-port" name="port" defaultValue={raw.port ?? ''} className={inputClass}>
              <option value="">{t('audit.allPorts')}</option>
              {ports.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-actor" className="block font-semibold">
              {t('audit.actor')}
            </label>
            <input id="audit-actor" name="actor" defaultValue={raw.actor ?? ''} aria-describedby="audit-actor-help" className={inputClass} />
            <p id="audit-actor-help" className="text-sm text-slate-700">
              {t('audit.actorHelp')}
            </p>
          </div>
          <div>
            <label htmlFor="audit-action" className="block font-semibold">
              {t('audit.action')}
            </label>
            <input id="audit-action" name="action" defaultValue={raw.action ?? ''} aria-describedby="audit-action-help" className={inputClass} />
            <p id="audit-action-help" className="text-sm text-slate-700">
              {t('audit.actionHelp')}
            </p>
          </div>
          <div>
            <label htmlFor="audit-from" className="block font-semibold">
              {t('audit.from')}
            </label>
            <input id="audit-from" name="from" type="date" defaultValue={raw.from ?? ''} aria-describedby="audit-dates-help" className={inputClass} />
          </div>
          <div>
            <label htmlFor="audit-to" className="block font-semibold">
              {t('audit.to')}
            </label>
            <input id="audit-to" name="to" type="date" defaultValue={raw.to ?? ''} aria-describedby="audit-dates-help" className={inputClass} />
          </div>
        </div>
        <p id="audit-dates-help" className="mt-2 text-sm text-slate-700">
          {t('audit.datesHelp')}
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <button type="submit" className="min-h-11 rounded bg-blue-800 px-5 font-semibold text-white hover:bg-blue-900">
            {t('audit.apply')}
          </button>
          <Link href="/audit" className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
            {t('audit.clear')}
          </Link>
          <a href={csvHref} download className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
            {t('audit.download')}
          </a>
        </div>
      </form>

      {parsed.success && (
        // The shell (title, checkpoints, filters) is on screen while the events are read.
        <Suspense fallback={<Skeleton label={t('common.loading')} shape="table" />}>
          <AuditResults actor={actor} query={parsed.data} raw={raw} filters={filters} ports={ports} />
        </Suspense>
      )}
    </>
  );
}

/** The events for the filters: the part of the page that waits on the audit query. */
async function AuditResults({
  actor,
  query,
  raw,
  filters,
  ports,
}: {
  actor: Actor;
  query: AuditQuery;
  raw: Record<string, string | undefined>;
  filters: URLSearchParams;
  ports: PortRecord[];
}) {
  const { t, locale } = await getT();
  let result;
  try {
    result = await listAuditEvents(actor, query);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error;
    return (
      <p role="alert" className="mb-3 rounded border-l-4 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
        {t('audit.invalidFilters', { detail: `port: ${raw.port ?? ''}` })}
      </p>
    );
  }
  const olderHref = result.nextBefore ? `/audit?${new URLSearchParams([...filters, ['before', String(result.nextBefore)]]).toString()}` : null;
  const zoneOf = new Map(ports.map((p) => [p.slug, p.timeZone]));
  const nameOf = new Map(ports.map((p) => [p.slug, p.name]));
  return (
    <>
      <p aria-live="polite" className="mb-2 font-semibold">
        {t('audit.results', { count: formatNumber(result.events.length, locale) })}
      </p>
      {result.events.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-6 text-lg">{t('audit.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="px-3 py-2">{t('audit.columns.at')}</th>
                <th scope="col" className="px-3 py-2">{t('audit.columns.port')}</th>
                <th scope="col" className="px-3 py-2">{t('audit.columns.actor')}</th>
                <th scope="col" className="px-3 py-2">{t('audit.columns.action')}</th>
                <th scope="col" className="px-3 py-2">{t('audit.columns.target')}</th>
                <th scope="col" className="px-3 py-2">{t('audit.columns.reason')}</th>
                <th scope="col" className="px-3 py-2">{t('audit.columns.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {result.events.map((e) => {
                const tz = (e.port && zoneOf.get(e.port)) || 'UTC';
                return (
                  <tr key={e.id} className="border-b border-slate-200 align-top">
                    <td className="px-3 py-2 tabular-nums">
                      <time dateTime={e.at}>{formatInstant(e.at, tz, locale)}</time>
                      {tz === 'UTC' && <span className="ml-1 text-sm text-slate-700">{t('audit.utc')}</span>}
                    </td>
                    <td className="px-3 py-2">{e.port ? (nameOf.get(e.port) ?? e.port) : t('audit.global')}</td>
                    <td className="px-3 py-2">
                      {e.actor ?? '—'}
                      {e.actorRole && <span className="block text-sm text-slate-700">{t(`roles.${e.actorRole}` as MessageKey)}</span>}
                    </td>
                    <td className="px-3 py-2 font-mono text-sm">{e.action}</td>
                    <td className="px-3 py-2 text-sm">
                      {e.targetType === 'appointment' && e.targetId ? (
                        <Link href={`/appointments/${e.targetId}`} className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
                          {e.targetType}
                        </Link>
                      ) : (
                        <span>
                          {e.targetType}
                          {e.targetId ? ` ${e.targetId.slice(0, 8)}` : ''}
                        </span>
                      )}
                    </td>
                    <td className="whitespace-pre-line px-3 py-2">{e.reason ?? ''}</td>
                    <td className="px-3 py-2 text-sm">
                      {e.before !== null || e.after !== null ? (
                        <details>
                          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-blue-800 underline">{t('audit.showChanges')}</summary>
                          <p className="font-semibold">{t('audit.before')}</p>
                          <pre className="max-w-md overflow-x-auto whitespace-pre-wrap break-all">{JSON.stringify(e.before, null, 1)}</pre>
                          <p className="font-semibold">{t('audit.after')}</p>
                          <pre className="max-w-md overflow-x-auto whitespace-pre-wrap break-all">{JSON.stringify(e.after, null, 1)}</pre>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t('audit.older')} className="mt-4 flex gap-6">
        {raw.before && (
          <Link href={`/audit?${filters.toString()}`} className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
            {t('audit.newest')}
          </Link>
        )}
        {olderHref && (
          <Link href={olderHref} className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
            {t('audit.older')} →
          </Link>
        )}
      </nav>
    </>
  );
}
