/**
 * Where "now" falls in a day's roster (ordered by scheduled time), and which earlier rows are
 * finished: arrived, no-show, processed or cancelled, so the kiosk can fold them away and open
 * at the people due now. A scheduled row in the past stays visible (it may still be marked a
 * no-show or checked in late), and so does any row the caller wants kept (the selected row, a row
 * just acted on whose undo is still open).
 */
export interface NowSplit {
  /** Index of the first row scheduled at or after now; the rows' length when all are earlier. */
  lineIndex: number;
  finishedIds: ReadonlySet<string>;
}

export function splitAtNow<T extends { id: string; scheduledAt: string; status: string }>(rows: readonly T[], nowMs: number, keep: (row: T) => boolean = () => false): NowSplit {
  const found = rows.findIndex((a) => Date.parse(a.scheduledAt) >= nowMs);
  const lineIndex = found === -1 ? rows.length : found;
  const finishedIds = new Set(rows.slice(0, lineIndex).filter((a) => a.status !== 'scheduled' && !keep(a)).map((a) => a.id));
  return { lineIndex, finishedIds };
}
