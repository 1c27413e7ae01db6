/**
 * Where "now" falls in a day's roster (ordered by scheduled time), and which earlier rows are
 * finished: arrived, no-show, processed or cancelled with their deadline passed, so the kiosk can
 * fold them away and open at the people due now. A scheduled row in the past stays visible, and so
 * does a no-show the roster only derives from the passed deadline (it may still be marked, or the
 * person checked in late); a row whose deadline is still ahead stays too (a
 * person another kiosk just checked in does not vanish from this one); and so does any row the
 * caller wants kept (the selected row, a row just acted on whose undo is still open).
 */
export interface NowSplit {
  /** Index of the first row scheduled at or after now; the rows' length when all are earlier. */
  lineIndex: number;
  finishedIds: ReadonlySet<string>;
}

/** Still open for the officer: not arrived yet, or a no-show only derived from the passed deadline (it can still be marked, or arrive late). */
const open = (a: { status: string; noShowRecorded?: boolean }) => a.status === 'scheduled' || (a.status === 'no_show' && a.noShowRecorded === false);

export function splitAtNow<T extends { id: string; scheduledAt: string; deadline: string; status: string; noShowRecorded?: boolean }>(rows: readonly T[], nowMs: number, keep: (row: T) => boolean = () => false): NowSplit {
  const found = rows.findIndex((a) => Date.parse(a.scheduledAt) >= nowMs);
  const lineIndex = found === -1 ? rows.length : found;
  const finishedIds = new Set(rows.slice(0, lineIndex).filter((a) => !open(a) && Date.parse(a.deadline) < nowMs && !keep(a)).map((a) => a.id));
  return { lineIndex, finishedIds };
}
