/**
 * Pure intake rules: effective limits, and the spreadsheet-safety rule of the roster CSV. No db, next or react.
 */
/** C0 and C1 control characters (tab, newline, NUL, DEL, U+0080-U+009F). */
export function hasControlChar(value: string): boolean {
  return /\p{Cc}/u.test(value);
}

/** Bidirectional embeddings, overrides and isolates: they make a name display as another. */
export function hasBidiControl(value: string): boolean {
  return /[\u202A-\u202E\u2066-\u2069]/u.test(value);
}

/** Letters, combining marks, spaces and the punctuation of real names (' ’ - . ,). */
export const NAME_CHARS = /^[\p{L}\p{M} '\u2019\-.,]+$/u;

/**
 * The stored form of a name: NFKC (fullwidth and styled letters become plain ones), invisible
 * characters removed (zero-width space and joiners, soft hyphen, bidi marks), single spaces.
 */
export function normaliseName(value: string): string {
  return value.normalize('NFKC').replace(/\p{Default_Ignorable_Code_Point}/gu, '').replace(/\s+/g, ' ').trim();
}

/** A formula that survived into a name field (the file was not written by our exporter). */
export function looksLikeFormula(value: string): boolean {
  return /^[=@]/.test(value) || /^[+-].*[(!:]/.test(value);
}

/**
 * The booking horizon, the same for a single booking and a roster import: the port-local service
 * date may be at most `windowDays` after the port's today. (How far back is the caller's rule: a
 * booking must be in the future, an authoritative roster may carry times earlier today.)
 */
export function beyondBookingWindow(date: string, portTodayDate: string, windowDays: number): boolean {
  const limit = new Date(`${portTodayDate}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + windowDays);
  return date > limit.toISOString().slice(0, 10);
}
