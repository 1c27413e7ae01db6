'use client';

import Link from 'next/link';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppointmentStatus } from '@/db/schema/enums';
import type { Appointment, Roster } from '@/lib/roster/schemas';
import { looksLikeConfirmationCode, normaliseConfirmationCode } from '@/lib/roster/confirmation-code';
import { foldForSearch } from '@/lib/search-fold';
import { formatDateLong, formatTime } from '@/lib/format';
import { useI18n } from '@/components/ui/I18nProvider';
import { afterArrival, ApiError, isOffline, isUnavailable, rosterKeys } from '@/lib/api-client';
import { fetchRoster, lookupCode, postArrival, type ArrivalAction } from '@/lib/api-client/roster';
import { CounterBand } from './CounterBand';
import { primaryAction, RosterRow, type RowResult } from './RosterRow';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useNow, useOnline } from './use-now';

// Other kiosks must see a change within 5 seconds, with margin for a slow round trip.
const LIVE_REFRESH_MS = 2500;
const UNDO_MS = 2 * 60_000;
const STATUSES: AppointmentStatus[] = ['scheduled', 'checked_in', 'late', 'no_show', 'processed', 'cancelled'];

interface Notice {
  text: string;
  href?: string;
}

function matches(a: Appointment, q: string): boolean {
  if (!q) return true;
  if (a.confirmationCode === normaliseConfirmationCode(q)) return true;
  return foldForSearch(`${a.givenName} ${a.familyName}`).includes(foldForSearch(q.trim())) || foldForSearch(`${a.familyName} ${a.givenName}`).includes(foldForSearch(q.trim()));
}

export function Kiosk({ initial, editable }: { initial: Roster; editable: boolean }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const slug = initial.port.slug;
  const tz = initial.port.timeZone;
  const key = rosterKeys.day(slug, initial.date);
  const now = useNow();
  const online = useOnline();

  const roster = useQuery({
    queryKey: key,
    queryFn: () => fetchRoster(slug, initial.date),
    initialData: initial,
    refetchInterval: editable ? LIVE_REFRESH_MS : 30_000,
    // A kiosk behind another window must still be current when the officer returns to it.
    refetchIntervalInBackground: true,
  });
  const rows = roster.data.appointments;

  const [q, setQ] = useState('');
  const [statusFilter, setStatusFilter] = useState<AppointmentStatus | ''>('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [askMembersFor, setAskMembersFor] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, RowResult>>({});
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  const focusSearch = useCallback(() => {
    window.setTimeout(() => searchRef.current?.focus(), 0);
  }, []);

  const visible = useMemo(() => rows.filter((a) => matches(a, q) && (!statusFilter || a.status === statusFilter)), [rows, q, statusFilter]);
  const nextDueIds = useMemo(() => {
    if (!editable || !now) return new Set<string>();
    return new Set(rows.filter((a) => a.status === 'scheduled' && Date.parse(a.deadline) >= now.getTime()).slice(0, 3).map((a) => a.id));
  }, [rows, now, editable]);

  const say = useCallback((id: string, result: RowResult) => {
    setResults((r) => ({ ...r, [id]: result }));
    setAnnouncement(result.text);
  }, []);

  const describe = useCallback(
    (a: Appointment, action: ArrivalAction): RowResult => {
      const time = a.arrivedAt ? formatTime(a.arrivedAt, tz, locale) : '';
      if (action === 'undo') return { text: t('kiosk.undone'), tone: 'ok' };
      if (a.status === 'no_show') return { text: t('kiosk.noShowDone'), tone: 'ok', undoUntil: Date.now() + UNDO_MS };
      if (a.status === 'late') return { text: t('kiosk.late', { time, deadline: formatTime(a.deadline, tz, locale) }), tone: 'warn', undoUntil: Date.now() + UNDO_MS };
      const text = a.partySize > 1 ? t('kiosk.checkedIn', { time, present: a.membersPresent ?? a.partySize, party: a.partySize }) : t('kiosk.checkedInOne', { time });
      return { text, tone: 'ok', undoUntil: Date.now() + UNDO_MS };
    },
    [t, tz, locale],
  );

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
        queryClient.setQueryData<Roster>(key, (old) => old && { ...old, appointments: old.appointments.map((a) => (a.id === current.id ? current : a)) });
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
      queryClient.setQueryData<Roster>(key, (old) => old && { ...old, appointments: old.appointments.map((a) => (a.id === appointment.id ? appointment : a)) });
      say(appointment.id, describe(appointment, v.action));
    },
    onSettled: () => {
      setPendingId(null);
      void afterArrival(queryClient, slug, initial.date);
      focusSearch();
    },
  });

  const act = useCallback(
    (a: Appointment, action: ArrivalAction, body: Record<string, unknown> = {}) => {
      setAskMembersFor(null);
      setSelectedId(null);
      setQ('');
      mutation.mutate({ a, action, body: action === 'check-in' ? { ...body, idempotencyKey: crypto.randomUUID() } : body });
    },
    [mutation],
  );

  const onPrimary = useCallback(
    (a: Appointment) => {
      if (a.partySize > 1 && primaryAction(a, new Date(), editable) === 'check-in') setAskMembersFor(a.id);
      else act(a, 'check-in');
    },
    [act, editable],
  );

  function selectionHint(a: Appointment): string | undefined {
    const action = primaryAction(a, now, editable);
    const name = `${a.familyName}, ${a.givenName}`;
    return action === 'late' ? t('kiosk.pressEnterLate', { name }) : action ? t('kiosk.pressEnter', { name }) : undefined;
  }

  async function onSearchEnter() {
    setNotice(null);
    const code = normaliseConfirmationCode(q);
    const exact = rows.find((a) => a.confirmationCode === code);
    const selected = selectedId ? rows.find((a) => a.id === selectedId) : undefined;
    if (selected && (exact?.id === selected.id || visible.length === 1)) {
      if (primaryAction(selected, new Date(), editable)) onPrimary(selected);
      return;
    }
    const only = exact ?? (visible.length === 1 ? visible[0] : undefined);
    if (only) {
      setSelectedId(only.id);
      setAnnouncement(selectionHint(only) ?? `${only.familyName}, ${only.givenName}`);
      return;
    }
    if (looksLikeConfirmationCode(q)) {
      try {
        const where = await lookupCode(code);
        const text = !where
          ? t('kiosk.codeUnknown', { code })
          : where.portSlug !== slug
            ? t('kiosk.codeElsewhere', { code, port: where.portName, date: formatDateLong(where.date, locale) })
            : t('kiosk.codeOtherDay', { code, date: formatDateLong(where.date, locale) });
        const href = where?.visible ? `/roster/${where.portSlug}?date=${where.date}` : undefined;
        setNotice({ text, href });
        setAnnouncement(text);
      } catch {
        setNotice({ text: t('kiosk.notRecordedOffline') });
      }
    }
  }

  // Keyboard: "/" focuses the search, "?" opens the help, Escape clears.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      if (e.key === '/' && !typing) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === '?' && !typing) {
        e.preventDefault();
        setHelpOpen(true);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const offline = !online || (roster.isError && isOffline(roster.error));
  // 503: the server answers but its database does not (restart, overload). Said at the first failed
  // poll, not after react-query's retries, and kept (the error stays) until a poll succeeds.
  const reconnecting = !offline && (isUnavailable(roster.failureReason) || (roster.isError && isUnavailable(roster.error)));

  return (
    <div>
      {offline && (
        <div role="status" className="no-print sticky top-0 z-40 mb-3 rounded border-2 border-amber-800 bg-amber-100 px-4 py-3 text-lg font-semibold text-amber-950">
          {t('common.offline')}
        </div>
      )}
      {reconnecting && (
        <div role="status" data-testid="reconnecting" className="no-print sticky top-0 z-40 mb-3 rounded border-2 border-amber-800 bg-amber-100 px-4 py-3 text-lg font-semibold text-amber-950">
          {t('common.reconnecting')}
        </div>
      )}
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold">
          {initial.port.name} <span className="font-normal">— {formatDateLong(initial.date, locale)}</span>
        </h1>
        <p className="text-2xl font-bold tabular-nums" aria-label={t('roster.localTime', { port: initial.port.name })}>
          {now ? formatTime(now.toISOString(), tz, locale) : '\u00a0'}
          <span className="ml-2 text-base font-normal text-slate-700">{tz}</span>
        </p>
      </div>
      {!initial.port.active && <p className="mb-3 rounded border-2 border-amber-800 bg-amber-50 px-4 py-2 font-semibold text-amber-950">{t('kiosk.suspended')}</p>}
      <CounterBand rows={rows} />

      <div className="no-print mt-4 flex flex-wrap items-end gap-3">
        <form
          role="search"
          className="min-w-72 flex-1"
          onSubmit={(e) => {
            e.preventDefault();
            void onSearchEnter();
          }}
        >
          <label htmlFor="roster-search" className="mb-1 block text-lg font-semibold">
            {t('kiosk.searchLabel')}
          </label>
          <div className="flex gap-2">
            <input
              ref={searchRef}
              id="roster-search"
              type="search"
              autoFocus
              autoComplete="off"
              spellCheck={false}
              value={q}
              aria-describedby="roster-search-hint"
              onChange={(e) => {
                setQ(e.target.value);
                setSelectedId(null);
                setNotice(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setQ('');
                  setSelectedId(null);
                  setNotice(null);
                }
              }}
              className="min-h-14 w-full rounded border-2 border-slate-700 px-4 text-2xl"
            />
          </div>
          <p id="roster-search-hint" className="mt-1 text-slate-700">
            {t('kiosk.searchHint')}
          </p>
        </form>
        <div>
          <label htmlFor="status-filter" className="mb-1 block font-semibold">
            {t('roster.filterStatus')}
          </label>
          <select
            id="status-filter"
            value={statusFilter}
            onChange={(e) => setStatusFilter(e.target.value as AppointmentStatus | '')}
            className="min-h-11 rounded border-2 border-slate-700 bg-white px-3 text-lg"
          >
            <option value="">{t('roster.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => setHelpOpen(true)} className="min-h-11 rounded border-2 border-slate-700 bg-white px-4 font-semibold">
          {t('kiosk.showShortcuts')}
        </button>
      </div>

      {/* Screen readers hear each result; sighted users see it in the row itself. */}
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>
      {notice && (
        <p className="no-print mb-2 mt-3 rounded border-2 border-amber-800 bg-amber-50 px-4 py-2 text-lg text-amber-950">
          {notice.text}{' '}
          {notice.href && (
            <Link href={notice.href} className="font-semibold underline">
              {t('kiosk.openThatRoster')}
            </Link>
          )}
        </p>
      )}

      {!editable && <p className="mb-2 rounded bg-slate-200 px-4 py-2 text-slate-900">{t('roster.readOnly')}</p>}

      {rows.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-6 text-lg">{t('roster.empty')}</p>
      ) : visible.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-6 text-lg">{t('roster.noMatch')}</p>
      ) : (
        <>
          <p className="mb-1 text-slate-700">{t('kiosk.showing', { shown: visible.length, total: rows.length })}</p>
          <div className="overflow-x-auto">
            <table className="roster-table w-full border-collapse text-left">
              <caption className="sr-only">{t('roster.heading', { port: initial.port.name, date: initial.date })}</caption>
              <thead>
                <tr className="border-b-2 border-slate-500 bg-slate-100">
                  <th scope="col" className="px-3 py-2">{t('roster.columns.time')}</th>
                  <th scope="col" className="px-3 py-2">{t('roster.columns.deadline')}</th>
                  <th scope="col" className="px-3 py-2">{t('roster.columns.name')}</th>
                  <th scope="col" className="px-3 py-2">{t('roster.columns.party')}</th>
                  <th scope="col" className="px-3 py-2">{t('roster.columns.nationality')}</th>
                  <th scope="col" className="px-3 py-2">{t('roster.columns.language')}</th>
                  <th scope="col" className="px-3 py-2">{t('roster.columns.status')}</th>
                  <th scope="col" className="no-print px-3 py-2">{t('roster.columns.action')}</th>
                </tr>
              </thead>
              <tbody>
                {visible.map((a) => (
                  <RosterRow
                    key={a.id}
                    a={a}
                    timeZone={tz}
                    now={now}
                    editable={editable}
                    nextDue={nextDueIds.has(a.id)}
                    selected={a.id === selectedId}
                    hint={a.id === selectedId ? selectionHint(a) : undefined}
                    pending={pendingId === a.id}
                    result={results[a.id]}
                    askMembers={askMembersFor === a.id}
                    onPrimary={onPrimary}
                    onConfirmMembers={(row, members) => act(row, 'check-in', { membersPresent: members })}
                    onCancelMembers={() => {
                      setAskMembersFor(null);
                      focusSearch();
                    }}
                    onNoShow={(row) => act(row, 'no-show')}
                    onUndo={(row) => act(row, 'undo')}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <ShortcutsDialog
        open={helpOpen}
        onClose={() => {
          setHelpOpen(false);
          focusSearch();
        }}
      />
    </div>
  );
}
