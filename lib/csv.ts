/**
 * The one CSV module: every download (audit export, roster export, dashboard tables) is written
 * here with csv-stringify (RFC 4180, CRLF), and every cell goes through the same spreadsheet
 * safety. Reading is csv-parse in lib/intake/roster-file.ts, which undoes exactly this
 * neutralisation (restoreFormula). Pure: the dashboard uses it in the browser.
 *
 * CSV injection (CWE-1236): a text cell starting with = + - @, a tab or a carriage return would be
 * evaluated by a spreadsheet, so it gets a leading apostrophe and stays text. Numbers are written
 * as numbers (a negative number is not a formula). The importer strips exactly one apostrophe
 * when what follows starts with one of those characters, so "-Ana" survives export then import; a
 * name that really begins with an apostrophe followed by such a character cannot be told apart.
 */
import { stringify, type Options } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A cell: text, number, boolean, date, null/undefined (empty) or an object (written as JSON). */
export type CsvValue = unknown;

const OPTIONS: Options = {
  record_delimiter: 'windows',
  // csv-stringify quotes a cell holding the whole record delimiter (CRLF) but not a lone CR or LF,
  // which a reader would take as a line break; leading or trailing spaces are quoted so a
  // spreadsheet does not trim them away.
  quoted_match: [/[\r\n]/, /^\s|\s$/],
  cast: {
    string: neutraliseFormula,
    number: String,
    boolean: String,
    date: (d: Date) => d.toISOString(),
    object: (o: object) => neutraliseFormula(JSON.stringify(o)),
  },
};

/** Rows as CSV text, each line CRLF-terminated. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(rows as unknown[][], OPTIONS);
}

/** One CSV line (for streamed downloads). */
export function csvRow(cells: readonly CsvValue[]): string {
  return toCsv([cells]);
}
