'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { arrivalActionFor, type ArrivalAction } from '@/lib/roster/rules';
import type { Appointment } from '@/lib/roster/schemas';
import { useI18n } from '@/components/ui/I18nProvider';
import type { MessageKey } from '@/lib/i18n/translate';
import { countryName, formatTime, languageName, needsInterpreter } from '@/lib/format';
import { StatusBadge } from './StatusBadge';

export interface RowResult {
  text: string;
  tone: 'ok' | 'warn' | 'error';
  undoUntil?: number;
}

/** The row's one action now (today only), from the pure rule. */
export function primaryAction(a: Appointment, now: Date | null, editable: boolean): ArrivalAction | null {
  return editable ? arrivalActionFor(a.status, new Date(a.deadline), now) : null;
}

const BUTTON = 'min-h-11 rounded px-4 py-2 text-base font-semibold disabled:opacity-60';

export function RosterRow({
  a,
  timeZone,
  now,
  editable,
  nextDue,
  selected,
  hint,
  pending,
  result,
  askMembers,
  onPrimary,
  onConfirmMembers,
  onCancelMembers,
  onNoShow,
  onUndo,
}: {
  a: Appointment;
  timeZone: string;
  now: Date | null;
  editable: boolean;
  nextDue: boolean;
  selected: boolean;
  hint?: string;
  pending: boolean;
  result?: RowResult;
  askMembers: boolean;
  onPrimary: (a: Appointment) => void;
  onConfirmMembers: (a: Appointment, members: number) => void;
  onCancelMembers: () => void;
  onNoShow: (a: Appointment) => void;
  onUndo: (a: Appointment) => void;
}) {
  const { t, locale } = useI18n();
  const name = `${a.familyName}, ${a.givenName}`;
  const action = primaryAction(a, now, editable);
  const past = now !== null && Date.parse(a.deadline) < now.getTime() && a.status !== 'checked_in';
  const canMarkNoShow = editable && a.status === 'no_show' && !a.noShowRecorded;
  const showUndo = result?.undoUntil !== undefined && now !== null && now.getTime() < result.undoUntil;
  const rowRef = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    if (selected) rowRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <tr
      ref={rowRef}
      data-appointment={a.confirmationCode}
      aria-selected={selected || undefined}
      className={`border-b border-slate-200 align-top ${selected ? 'bg-blue-50 outline outline-4 outline-blue-700' : nextDue ? 'bg-yellow-50' : past ? 'bg-slate-50 text-slate-700' : 'bg-white'}`}
    >
      <td className="px-3 py-2">
        <span className="block text-2xl font-bold tabular-nums">{formatTime(a.scheduledAt, timeZone, locale)}</span>
        {nextDue && <span className="mt-1 inline-block rounded bg-yellow-200 px-1 text-sm font-semibold text-yellow-950">{t('roster.next')}</span>}
      </td>
      <td className="px-3 py-2 tabular-nums">{formatTime(a.deadline, timeZone, locale)}</td>
      <th scope="row" className="px-3 py-2 text-left">
        <Link href={`/appointments/${a.id}`} className="text-lg font-semibold text-blue-900 underline decoration-1 underline-offset-2">
          {name}
        </Link>
        <span className="block font-mono text-sm font-normal text-slate-700">{a.confirmationCode}</span>
        {a.flags.map((flag) => (
          <span key={flag} data-flag={flag} className="mr-1 mt-1 inline-block rounded border border-amber-800 bg-amber-50 px-1 text-sm font-semibold text-amber-950">
            ⚑ {t(`review.kinds.${flag}` as MessageKey)}
          </span>
        ))}
      </th>
      <td className="px-3 py-2 text-lg tabular-nums">{a.partySize}</td>
      <td className="px-3 py-2">{countryName(a.nationality, locale)}</td>
      <td className="px-3 py-2">
        {languageName(a.language, locale)}
        {needsInterpreter(a.language) && (
          <span className="ml-1 inline-block rounded border border-purple-800 bg-purple-50 px-1 text-sm font-semibold text-purple-900">{t('roster.interpreter')}</span>
        )}
      </td>
      <td className="px-3 py-2">
        <StatusBadge status={a.status} label={t(`status.${a.status}`)} />
      </td>
      <td className="no-print px-3 py-2">
        {askMembers ? (
          <MembersPrompt a={a} onConfirm={onConfirmMembers} onCancel={onCancelMembers} />
        ) : (
          <div className="flex flex-wrap items-center gap-2">
            {hint && <p className="w-full font-semibold text-blue-900">{hint}</p>}
            {result && (
              <p className={`w-full font-semibold ${result.tone === 'ok' ? 'text-blue-900' : result.tone === 'warn' ? 'text-amber-900' : 'text-red-800'}`}>{result.text}</p>
            )}
            {pending && <span className="text-slate-700">{t('kiosk.working')}</span>}
            {!pending && action && (
              <button
                type="button"
                onClick={() => onPrimary(a)}
                aria-label={action === 'late' ? t('kiosk.recordLateName', { name }) : t('kiosk.checkInName', { name })}
                className={`${BUTTON} ${action === 'late' ? 'bg-amber-800 text-white hover:bg-amber-900' : 'bg-blue-800 text-white hover:bg-blue-900'}`}
              >
                {action === 'late' ? t('kiosk.recordLate') : t('kiosk.checkIn')}
              </button>
            )}
            {!pending && canMarkNoShow && (
              <button type="button" onClick={() => onNoShow(a)} aria-label={t('kiosk.markNoShowName', { name })} className={`${BUTTON} border-2 border-slate-600 bg-white text-slate-900`}>
                {t('kiosk.markNoShow')}
              </button>
            )}
            {!pending && showUndo && (
              <button type="button" onClick={() => onUndo(a)} className={`${BUTTON} border-2 border-slate-600 bg-white text-slate-900`}>
                {t('kiosk.undo')}
              </button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

function MembersPrompt({ a, onConfirm, onCancel }: { a: Appointment; onConfirm: (a: Appointment, n: number) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [members, setMembers] = useState(a.partySize);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const id = `members-${a.id}`;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm(a, members);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <div>
        <label htmlFor={id} className="block text-sm font-semibold">
          {t('kiosk.membersLabel', { party: a.partySize })}
        </label>
        <div className="flex items-center gap-1">
          <button type="button" aria-label={t('kiosk.fewer')} onClick={() => setMembers((m) => Math.max(1, m - 1))} className={`${BUTTON} w-11 border-2 border-slate-600 bg-white px-0`}>
            −
          </button>
          <input
            ref={inputRef}
            id={id}
            type="number"
            inputMode="numeric"
            min={1}
            max={a.partySize}
            value={members}
            onChange={(e) => setMembers(Math.min(a.partySize, Math.max(1, Number(e.target.value) || 1)))}
            className="min-h-11 w-16 rounded border-2 border-slate-600 text-center text-xl"
          />
          <button type="button" aria-label={t('kiosk.more')} onClick={() => setMembers((m) => Math.min(a.partySize, m + 1))} className={`${BUTTON} w-11 border-2 border-slate-600 bg-white px-0`}>
            +
          </button>
        </div>
      </div>
      <button type="submit" className={`${BUTTON} bg-blue-800 text-white`}>
        {t('kiosk.confirm')}
      </button>
      <button type="button" onClick={onCancel} className={`${BUTTON} border-2 border-slate-600 bg-white text-slate-900`}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
