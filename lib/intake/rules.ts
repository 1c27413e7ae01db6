/**
 * Pure intake rules: effective limits, and the spreadsheet-safety rule of the roster CSV. No db, next or react.
 */
/** Effective daily limit: a date override if present, else the weekday default, else 0 (closed). */
export function effectiveLimit(override: number | null | undefined, weekdayDefault: number | null | undefined): number {
  return override ?? weekdayDefault ?? 0;
}

export function remaining(limit: number, booked: number): number {
  return Math.max(0, limit - booked);
}

/**
 * Spreadsheet safety (CSV injection): a cell starting with = + - @, a tab or a carriage return is
 * prefixed with an apostrophe on export, so no spreadsheet evaluates it. Our importer strips exactly
 * one leading apostrophe when what follows starts with one of those characters, so a name like
 * "-Ana" or "+Luis" survives export then import unchanged. A name that really begins with an
 * apostrophe followed by such a character cannot be told apart; no real name does.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** A formula that survived into a name field (the file was not written by our exporter). */
export function looksLikeFormula(value: string): boolean {
  return /^[=@]/.test(value) || /^[+-].*[(!:]/.test(value);
}
