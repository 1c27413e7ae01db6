'use client';

/**
 * Check-in, no-show and undo: optimistic in the row, rolled back when refused, described in words
 * for the row and the live region, and followed by exact invalidation of what changed. An action
 * that gets no answer (network down, 503) goes to the offline queue (use-offline-queue.ts) and is
 * replayed with the same idempotency key; while anything is queued, new taps queue behind it so the
 * server sees them in tap order.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { afterArrival, ApiError, isOffline, isUnavailable, rosterKeys } from '@/lib/api-client';
import { postArrival, type ArrivalAction } from '@/lib/api-client/roster';
import { formatTime } from '@/lib/format';
import { describeArrival, describeReplay } from './describe-arrival';
import type { AppLocale, Translate } from '@/lib/i18n/translate';
import type { AppointmentStatus } from '@/db/schema/enums';
import type { Appointment, Roster } from '@/lib/roster/schemas';
import type { QueuedAction, ReplayOutcome } from '@/lib/api-client/offline-queue';
import type { RowResult } from '../RosterRow';
import { useOfflineQueue } from './use-offline-queue';

interface Options {
  /** The signed-in officer: queued actions replay only in their session. */
  userId: string;
  slug: string;
  date: string;
  timeZone: string;
  t: Translate;
  locale: AppLocale;
  onSettled: () => void;
}

type Body = Record<string, unknown> & { idempotencyKey: string };
type Variables = { a: Appointment; action: ArrivalAction; body: Body; tappedAt: number };

export function useArrivalActions({ userId, slug, date, timeZone: tz, t, locale, onSettled }: Options) {
  const queryClient = useQueryClient();
  const key = rosterKeys.day(slug, date);
  const [results, setResults] = useState<Record<string, RowResult>>({});
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const say = useCallback((id: string, result: RowResult) => {
    setResults((r) => ({ ...r, [id]: result }));
    setAnnouncement(result.text);
  }, []);

  const replaceRow = (current: Appointment) =>
    queryClient.setQueryData<Roster>(key, (old) => old && { ...old, appointments: old.appointments.map((a) => (a.id === current.id ? current : a)) });

  /** A replayed action's answer, in its row and in the live region. */
  const onReplayed = useCallback(
    (entry: QueuedAction, outcome: ReplayOutcome) => {
      const said = describeReplay(entry, outcome, t, tz, locale);
      if (!said) return;
      if (outcome.kind !== 'refused' && outcome.kind !== 'retry') replaceRow(outcome.appointment);
      say(entry.appointmentId, said);
      void afterArrival(queryClient, slug, date);
    },
    // replaceRow reads only stable values (the client and the key's parts).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, tz, locale, say, queryClient, slug, date],
  );
  const queue = useOfflineQueue(userId, onReplayed);

  const keep = async (v: Variables) => {
    await queue.keep({ appointmentId: v.a.id, name: `${v.a.familyName}, ${v.a.givenName}`, action: v.action, body: v.body, tappedAt: v.tappedAt });
    setAnnouncement(t('offline.queued', { action: t(`offline.actions.${v.action}`), name: `${v.a.familyName}, ${v.a.givenName}` }));
    // The row now shows "pending" from the queue, not an earlier result.
    setResults((r) => {
      const rest = { ...r };
      delete rest[v.a.id];
      return rest;
    });
  };

  const mutation = useMutation({
    mutationFn: (v: Variables) => postArrival(v.a.id, v.action, v.body),
    // Not paused while the browser says it is offline (react-query's default): the tap must fail
    // at once so it goes to the offline queue, which is what replays it.
    networkMode: 'always',
    onMutate: async (v) => {
      setPendingId(v.a.id);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Roster>(key);
      // Optimistic: the row shows its new state at once; rolled back if the server refuses.
      const optimistic: AppointmentStatus =
        v.action === 'undo' ? 'scheduled' : v.action === 'no-show' ? 'no_show' : Date.now() > Date.parse(v.a.deadline) ? 'late' : 'checked_in';
      queryClient.setQueryData<Roster>(key, (old) => old && { ...old, appointments: old.appointments.map((a) => (a.id === v.a.id ? { ...a, status: optimistic } : a)) });
      return { previous };
    },
    onError: (error, v, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      if (error instanceof ApiError && error.code === 'ALREADY_ARRIVED' && error.body.appointment) {
        const current = error.body.appointment as Appointment;
        replaceRow(current);
        say(v.a.id, {
          text: t('kiosk.alreadyArrived', { time: current.arrivedAt ? formatTime(current.arrivedAt, tz, locale) : '—', name: current.arrivedBy ?? '—' }),
          tone: 'warn',
        });
      } else if (isOffline(error) || isUnavailable(error)) {
        // No answer, or the server's database is away: kept on this device and replayed with the same key.
        void keep(v).catch(() => say(v.a.id, { text: t(isOffline(error) ? 'kiosk.notRecordedOffline' : 'kiosk.notConfirmedUnavailable'), tone: 'error' }));
      } else {
        say(v.a.id, { text: error.message, tone: 'error' });
      }
    },
    onSuccess: ({ appointment }, v) => {
      replaceRow(appointment);
      say(appointment.id, describeArrival(appointment, v.action, t, tz, locale));
    },
    onSettled: () => {
      setPendingId(null);
      void afterArrival(queryClient, slug, date);
      onSettled();
    },
  });

  const act = (a: Appointment, action: ArrivalAction, body: Record<string, unknown> = {}) => {
    // A fresh idempotency key per tap: a retried or replayed request cannot act twice.
    const v: Variables = { a, action, body: { ...body, idempotencyKey: crypto.randomUUID() }, tappedAt: Date.now() };
    if (queue.hasPending()) {
      // Behind queued taps: the server must see them in tap order.
      void keep(v).then(() => queue.replay());
      onSettled();
    } else mutation.mutate(v);
  };

  return { act, pendingId, results, announcement, setAnnouncement, pending: queue.pending };
}
