'use client';

/** What the offline queue looks like on the kiosk: the banner, and each pending row as it will be. */
import { useI18n } from '@/components/ui/I18nProvider';
import type { QueuedAction } from '@/lib/api-client/offline-queue';
import { formatTime } from '@/lib/format';
import type { AppLocale, Translate } from '@/lib/i18n/translate';
import type { Appointment } from '@/lib/roster/schemas';
import type { RowResult } from '../RosterRow';

/** English and Spanish both have one form for 1 and one for the rest. */
export const isSingular = (locale: AppLocale, count: number) => new Intl.PluralRules(locale).select(count) === 'one';

export function pendingCountText(t: Translate, locale: AppLocale, count: number): string {
  return t(isSingular(locale, count) ? 'offline.bannerOne' : 'offline.bannerOther', { count });
}

/** "3 actions waiting for the network": shown while anything is pending, whatever the connection says. */
export function PendingBanner({ count }: { count: number }) {
  const { t, locale } = useI18n();
  if (count === 0) return null;
  return (
    <div role="status" data-testid="pending-actions" className="no-print sticky top-0 z-40 mb-3 rounded border-2 border-blue-900 bg-blue-50 px-4 py-3 text-lg font-semibold text-blue-950">
      {pendingCountText(t, locale, count)}
    </div>
  );
}

/** The rows as they will be once the pending actions reach the server (in tap order). */
export function withPending(rows: readonly Appointment[], pending: readonly QueuedAction[]): Appointment[] {
  if (pending.length === 0) return rows as Appointment[];
  const byId = new Map(rows.map((a) => [a.id, a]));
  for (const p of pending) {
    const a = byId.get(p.appointmentId);
    if (!a) continue;
    const corrected = p.tappedAt + (p.clockOffsetMs ?? 0);
    const status =
      p.action === 'outcome' ? 'processed' : p.action === 'undo' ? 'scheduled' : p.action === 'no-show' ? 'no_show' : corrected > Date.parse(a.deadline) ? 'late' : 'checked_in';
    byId.set(a.id, { ...a, status });
  }
  return rows.map((a) => byId.get(a.id) ?? a);
}

/** "Pending, not yet on the server" in each row that has a queued action (the last one per row). */
export function pendingResults(pending: readonly QueuedAction[], t: Translate, tz: string, locale: AppLocale): Record<string, RowResult> {
  const out: Record<string, RowResult> = {};
  for (const p of pending) {
    out[p.appointmentId] = { text: t('offline.pendingRow', { action: t(`offline.actions.${p.action}`), time: formatTime(new Date(p.tappedAt + (p.clockOffsetMs ?? 0)).toISOString(), tz, locale) }), tone: 'warn' };
  }
  return out;
}
