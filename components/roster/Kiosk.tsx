'use client';

/**
 * The kiosk roster: composition only. Live data (useRosterLive), arrivals (useArrivalActions)
 * and the scanner's search box (useScanInput) are hooks in ./kiosk; the table and banners are
 * presentational parts there too.
 */
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppointmentStatus } from '@/db/schema/enums';
import type { Appointment, Roster } from '@/lib/roster/schemas';
import { formatDateLong, formatTime } from '@/lib/format';
import { useI18n } from '@/components/ui/I18nProvider';
import { CounterBand } from './CounterBand';
import { primaryAction } from './RosterRow';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useNow } from './use-now';
import { ConnectionBanners } from './kiosk/ConnectionBanners';
import { PendingBanner, pendingResults, withPending } from './kiosk/offline-parts';
import { RosterTable } from './kiosk/RosterTable';
import { useArrivalActions } from './kiosk/use-arrival-actions';
import { useRosterLive } from './kiosk/use-roster-live';
import { useScanInput } from './kiosk/use-scan-input';

const STATUSES: AppointmentStatus[] = ['scheduled', 'checked_in', 'late', 'no_show', 'processed', 'cancelled'];

export function Kiosk({ initial, editable, userId }: { initial: Roster; editable: boolean; userId: string }) {
  const { t, locale } = useI18n();
  const slug = initial.port.slug;
  const tz = initial.port.timeZone;
  const now = useNow();
  const live = useRosterLive(initial, editable);
  const { offline, reconnecting } = live;
  const [askMembersFor, setAskMembersFor] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  const focusSearch = useCallback(() => {
    window.setTimeout(() => searchRef.current?.focus(), 0);
  }, []);

  const { act: send, pendingId, results: answered, announcement, setAnnouncement, pending } = useArrivalActions({
    userId,
    slug,
    date: initial.date,
    timeZone: tz,
    t,
    locale,
    onSettled: focusSearch,
  });
  // Queued actions show as they will be, each row saying it is not yet on the server.
  const rows = useMemo(() => withPending(live.rows, pending), [live.rows, pending]);
  const results = useMemo(() => ({ ...answered, ...pendingResults(pending, t, tz, locale) }), [answered, pending, t, tz, locale]);

  const nextDueIds = useMemo(() => {
    if (!editable || !now) return new Set<string>();
    return new Set(rows.filter((a) => a.status === 'scheduled' && Date.parse(a.deadline) >= now.getTime()).slice(0, 3).map((a) => a.id));
  }, [rows, now, editable]);

  function selectionHint(a: Appointment): string | undefined {
    const action = primaryAction(a, now, editable);
    const name = `${a.familyName}, ${a.givenName}`;
    return action === 'late' ? t('kiosk.pressEnterLate', { name }) : action ? t('kiosk.pressEnter', { name }) : undefined;
  }

  const scan = useScanInput({
    rows,
    slug,
    t,
    locale,
    selectionHint,
    onAct: (a) => {
      if (primaryAction(a, new Date(), editable)) onPrimary(a);
    },
    announce: setAnnouncement,
  });
  const { q, setQ, statusFilter, setStatusFilter, selectedId, notice, visible } = scan;

  // Plain functions (hoisted): the scanner's Enter acts through them, and they clear the scanner.
  function act(a: Appointment, action: 'check-in' | 'no-show' | 'undo', body: Record<string, unknown> = {}) {
    setAskMembersFor(null);
    setQ('');
    send(a, action, body);
  }

  function onPrimary(a: Appointment) {
    if (a.partySize > 1 && primaryAction(a, new Date(), editable) === 'check-in') setAskMembersFor(a.id);
    else act(a, 'check-in');
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

  return (
    <div>
      <ConnectionBanners offline={offline} reconnecting={reconnecting} />
      <PendingBanner count={pending.length} />
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
            void scan.onEnter();
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
              onChange={(e) => setQ(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setQ('');
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
          <RosterTable
            caption={t('roster.heading', { port: initial.port.name, date: initial.date })}
            rows={visible}
            timeZone={tz}
            now={now}
            editable={editable}
            nextDueIds={nextDueIds}
            selectedId={selectedId}
            hintFor={selectionHint}
            pendingId={pendingId}
            results={results}
            askMembersFor={askMembersFor}
            onPrimary={onPrimary}
            onConfirmMembers={(row, members) => act(row, 'check-in', { membersPresent: members })}
            onCancelMembers={() => {
              setAskMembersFor(null);
              focusSearch();
            }}
            onNoShow={(row) => act(row, 'no-show')}
            onUndo={(row) => act(row, 'undo')}
            nowLine={editable && q === '' && statusFilter === ''}
          />
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
