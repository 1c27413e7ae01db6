'use client';

import { Fragment, useState } from 'react';
import { useI18n } from '@/components/ui/I18nProvider';
import { formatTime } from '@/lib/format';
import type { Appointment } from '@/lib/roster/schemas';
import { RosterRow, type RowResult } from '../RosterRow';
import { splitAtNow } from './now-line';

export interface RosterTableProps {
  caption: string;
  rows: readonly Appointment[];
  timeZone: string;
  now: Date | null;
  editable: boolean;
  nextDueIds: ReadonlySet<string>;
  selectedId: string | null;
  hintFor: (a: Appointment) => string | undefined;
  pendingId: string | null;
  results: Record<string, RowResult>;
  askMembersFor: string | null;
  onPrimary: (a: Appointment) => void;
  onConfirmMembers: (a: Appointment, members: number) => void;
  onCancelMembers: () => void;
  onNoShow: (a: Appointment) => void;
  onUndo: (a: Appointment) => void;
  /** Today's kiosk without a search or filter: draw the now-line and fold the finished rows above it. */
  nowLine: boolean;
}

const COLUMNS = ['time', 'deadline', 'name', 'party', 'nationality', 'language', 'status'] as const;

/**
 * The roster list: one row per appointment, with the one action each row allows now. On today's
 * kiosk it opens at "now": the finished rows before the now-line are folded behind one button (a
 * row just acted on, or selected, stays in view), so the people due now are the first rows shown.
 */
export function RosterTable(p: RosterTableProps) {
  const { t, locale } = useI18n();
  const [showEarlier, setShowEarlier] = useState(false);
  const split = p.nowLine && p.now ? splitAtNow(p.rows, p.now.getTime(), (a) => a.id === p.selectedId || p.results[a.id] !== undefined) : null;
  const folded = split?.finishedIds.size ?? 0;
  const span = COLUMNS.length + 1;
  return (
    <div className="overflow-x-auto">
      <table className="roster-table w-full border-collapse text-left">
        <caption className="sr-only">{p.caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-500 bg-slate-100">
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-3 py-2">
                {t(`roster.columns.${c}`)}
              </th>
            ))}
            <th scope="col" className="no-print px-3 py-2">{t('roster.columns.action')}</th>
          </tr>
        </thead>
        <tbody>
          {split && folded > 0 && (
            <tr className="no-print border-b border-slate-300 bg-slate-50">
              <td colSpan={span} className="px-3 py-1">
                <button
                  type="button"
                  aria-expanded={showEarlier}
                  onClick={() => setShowEarlier((v) => !v)}
                  className="min-h-11 rounded border-2 border-slate-700 bg-white px-3 font-semibold"
                >
                  {t(showEarlier ? 'kiosk.hideEarlier' : 'kiosk.showEarlier', { count: folded })}
                </button>
              </td>
            </tr>
          )}
          {p.rows.map((a, i) => (
            <Fragment key={a.id}>
              {split && i === split.lineIndex && <NowLine span={span} text={t('kiosk.nowLine', { time: formatTime(p.now!.toISOString(), p.timeZone, locale) })} />}
              {!(split && !showEarlier && split.finishedIds.has(a.id)) && (
                <RosterRow
                  a={a}
                  timeZone={p.timeZone}
                  now={p.now}
                  editable={p.editable}
                  nextDue={p.nextDueIds.has(a.id)}
                  selected={a.id === p.selectedId}
                  hint={a.id === p.selectedId ? p.hintFor(a) : undefined}
                  pending={p.pendingId === a.id}
                  result={p.results[a.id]}
                  askMembers={p.askMembersFor === a.id}
                  onPrimary={p.onPrimary}
                  onConfirmMembers={p.onConfirmMembers}
                  onCancelMembers={p.onCancelMembers}
                  onNoShow={p.onNoShow}
                  onUndo={p.onUndo}
                />
              )}
            </Fragment>
          ))}
          {split && split.lineIndex === p.rows.length && <NowLine span={span} text={t('kiosk.nowLine', { time: formatTime(p.now!.toISOString(), p.timeZone, locale) })} />}
        </tbody>
      </table>
    </div>
  );
}

/** The line between what is past and who is due now: a labelled rule across the table. */
function NowLine({ span, text }: { span: number; text: string }) {
  return (
    <tr data-testid="now-line" className="no-print">
      <td colSpan={span} className="border-y-4 border-red-700 bg-red-50 px-3 py-1 font-bold text-red-900">
        {text}
      </td>
    </tr>
  );
}
