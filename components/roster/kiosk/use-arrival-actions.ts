'use client';

/**
 * Check-in, no-show and undo: optimistic in the row, rolled back when refused, described in words
 * for the row and the live region, and followed by exact invalidation of what changed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { afterArrival, ApiError, isOffline, isUnavailable, rosterKeys } from '@/lib/api-client';
import { postArrival, type ArrivalAction } from '@/lib/api-client/roster';
import { formatTime } from '@/lib/format';
import type { AppLocale, Translate } from '@/lib/i18n/translate';
import type { AppointmentStatus } from '@/db/schema/enums';
import type { Appointment, Roster } from '@/lib/roster/schemas';
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

interface Options {
  slug: string;
  date: string;
  timeZone: string;
  t: Translate;
  locale: AppLocale;
  onSettled: () => void;
}

export function useArrivalActions({ slug, date, timeZone: tz, t, locale, onSettled }: Options) {
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

  const mutation = useMutation({
    mutationFn: (v: { a: Appointment; action: ArrivalAction; body?: Record<string, unknown> }) => postArrival(v.a.id, v.action, v.body),
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
      } else if (isOffline(error)) {
        say(v.a.id, { text: t('kiosk.notRecordedOffline'), tone: 'error' });
      } else if (isUnavailable(error)) {
        say(v.a.id, { text: t('kiosk.notConfirmedUnavailable'), tone: 'error' });
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

  const act = useCallback(
    (a: Appointment, action: ArrivalAction, body: Record<string, unknown> = {}) =>
      // A fresh idempotency key per tap: a retried request cannot check someone in twice.
      mutation.mutate({ a, action, body: action === 'check-in' ? { ...body, idempotencyKey: crypto.randomUUID() } : body }),
    [mutation],
  );

  return { act, pendingId, results, announcement, setAnnouncement };
}
