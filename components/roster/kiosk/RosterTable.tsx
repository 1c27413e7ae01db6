'use client';

import { useI18n } from '@/components/ui/I18nProvider';
import type { Appointment } from '@/lib/roster/schemas';
import { RosterRow, type RowResult } from '../RosterRow';

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
}

const COLUMNS = ['time', 'deadline', 'name', 'party', 'nationality', 'language', 'status'] as const;

/** The roster list: one row per appointment, with the one action each row allows now. */
export function RosterTable(p: RosterTableProps) {
  const { t } = useI18n();
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
          {p.rows.map((a) => (
            <RosterRow
              key={a.id}
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
          ))}
        </tbody>
      </table>
    </div>
  );
}
