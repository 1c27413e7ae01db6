import type { HistoryEntry } from '@/lib/appointments/schemas';
import { formatInstant } from '@/lib/format';
import type { AppLocale, MessageKey, Translate } from '@/lib/i18n/translate';

/** A known action in words; an action another part of the product adds later still shows, as its code. */
export function actionLabel(t: Translate, action: string): string {
  const suffix = action.startsWith('appointment.') ? action.slice('appointment.'.length) : action;
  const key = `record.events.${suffix}` as MessageKey;
  const label = t(key);
  return label === key ? action : label;
}

type Snapshot = { status?: string; outcome?: { code?: string } | null; arrivedAt?: string | null; membersPresent?: number | null };

function changes(entry: HistoryEntry, t: Translate, tz: string, locale: AppLocale, outcomeLabel: (code: string) => string): string[] {
  const before = (entry.before ?? {}) as Snapshot;
  const after = (entry.after ?? {}) as Snapshot;
  const none = t('record.none');
  const statusText = (s?: string) => (s ? t(`status.${s}` as MessageKey) : none);
  const out: string[] = [];
  if ('status' in after && before.status !== after.status) {
    out.push(t('record.change', { field: t('record.fields.status'), before: statusText(before.status), after: statusText(after.status) }));
  }
  if ('outcome' in after && JSON.stringify(before.outcome ?? null) !== JSON.stringify(after.outcome ?? null)) {
    const text = (o?: { code?: string } | null) => (o?.code ? outcomeLabel(o.code) : none);
    out.push(t('record.change', { field: t('record.fields.outcome'), before: text(before.outcome), after: text(after.outcome) }));
  }
  if ('arrivedAt' in after && before.arrivedAt !== after.arrivedAt) {
    const text = (v?: string | null) => (v ? formatInstant(v, tz, locale) : none);
    out.push(t('record.change', { field: t('record.fields.arrivedAt'), before: text(before.arrivedAt), after: text(after.arrivedAt) }));
  }
  if ('membersPresent' in after && before.membersPresent !== after.membersPresent && (before.membersPresent != null || after.membersPresent != null)) {
    out.push(t('record.change', { field: t('record.fields.membersPresent'), before: String(before.membersPresent ?? none), after: String(after.membersPresent ?? none) }));
  }
  return out;
}

/** Everything that happened to the appointment, newest first: when (port-local), who, what, why. */
export function Timeline({
  history,
  t,
  locale,
  timeZone,
  outcomeLabel,
}: {
  history: HistoryEntry[];
  t: Translate;
  locale: AppLocale;
  timeZone: string;
  outcomeLabel: (code: string) => string;
}) {
  if (history.length === 0) return <p className="text-slate-700">{t('record.timelineEmpty')}</p>;
  return (
    <ol className="border-l-4 border-slate-300" data-testid="timeline">
      {history.map((entry) => (
        <li key={entry.id} className="relative mb-4 ml-4 rounded border border-slate-200 bg-white p-3">
          <p className="flex flex-wrap gap-x-3">
            <time dateTime={entry.at} className="font-semibold tabular-nums">
              {formatInstant(entry.at, timeZone, locale)}
            </time>
            <span className="font-bold">{actionLabel(t, entry.action)}</span>
          </p>
          <p className="text-slate-800">
            {entry.actor
              ? entry.actorRole
                ? t('record.who', { name: entry.actor, role: t(`roles.${entry.actorRole}` as MessageKey) })
                : entry.actor
              : t('record.systemActor')}
          </p>
          {changes(entry, t, timeZone, locale, outcomeLabel).map((line) => (
            <p key={line}>{line}</p>
          ))}
          {entry.reason && <p className="whitespace-pre-line italic">{t('record.why', { reason: entry.reason })}</p>}
        </li>
      ))}
    </ol>
  );
}
