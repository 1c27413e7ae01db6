/**
 * An action's answer in words, for the row (kiosk) or the record page and the live region: a direct
 * answer (describeArrival) or a replayed one from the offline queue (describeReplay).
 */
import type { QueuedAction, ReplayOutcome } from '@/lib/api-client/offline-queue';
import type { ArrivalAction } from '@/lib/api-client/roster';
import { formatTime } from '@/lib/format';
import type { AppLocale, Translate } from '@/lib/i18n/translate';
import type { Appointment } from '@/lib/roster/schemas';
import type { RowResult } from '../RosterRow';

const UNDO_MS = 2 * 60_000;

export function describeArrival(a: Appointment, action: ArrivalAction, t: Translate, tz: string, locale: AppLocale, now = Date.now()): RowResult {
  const time = a.arrivedAt ? formatTime(a.arrivedAt, tz, locale) : '';
  if (action === 'undo') return { text: t('kiosk.undone'), tone: 'ok' };
  if (a.status === 'no_show') return { text: t('kiosk.noShowDone'), tone: 'ok', undoUntil: now + UNDO_MS };
  if (a.status === 'late') return { text: t('kiosk.late', { time, deadline: formatTime(a.deadline, tz, locale) }), tone: 'warn', undoUntil: now + UNDO_MS };
  const text = a.partySize > 1 ? t('kiosk.checkedIn', { time, present: a.membersPresent ?? a.partySize, party: a.partySize }) : t('kiosk.checkedInOne', { time });
  return { text, tone: 'ok', undoUntil: now + UNDO_MS };
}

/** A replayed queued action's answer; null while it still waits for the network. */
export function describeReplay(entry: QueuedAction, outcome: ReplayOutcome, t: Translate, tz: string, locale: AppLocale): RowResult | null {
  const at = (iso: string | null | undefined) => (iso ? formatTime(iso, tz, locale) : '—');
  switch (outcome.kind) {
    case 'retry':
      return null;
    case 'accepted': {
      if (entry.action === 'outcome') return { text: t('offline.outcomeAccepted', { name: entry.name }), tone: 'ok' };
      const direct = describeArrival(outcome.appointment, entry.action, t, tz, locale);
      return { ...direct, text: t('offline.accepted', { result: direct.text }) };
    }
    case 'already':
      return { text: t('offline.alreadyDone', { name: outcome.appointment.arrivedBy ?? '—', time: at(outcome.appointment.arrivedAt) }), tone: 'warn' };
    case 'alreadyRecorded':
      return { text: t('offline.outcomeAlready', { name: outcome.appointment.outcome?.recordedBy ?? '—', time: at(outcome.appointment.outcome?.recordedAt) }), tone: 'warn' };
    case 'refused':
      return { text: t('offline.refused', { reason: outcome.message }), tone: 'error' };
  }
}
