/**
 * Reading an uploaded roster (CSV or JSON) into flat rows with their row numbers, before any
 * validation. CSV: RFC 4180 via csv-parse, UTF-8 with or without a BOM; other encodings are refused
 * with a clear message rather than imported as mojibake.
 */
import { parse } from 'csv-parse/sync';
import { AppError } from '@/lib/errors';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export const CSV_COLUMNS = [
  'port',
  'confirmation_code',
  'scheduled_at',
  'party_size',
  'family_name',
  'given_name',
  'date_of_birth',
  'nationality',
  'language',
  'document_number',
] as const;
/** Accepted when present; `status` (written by our export) is ignored on import. */
export const OPTIONAL_COLUMNS = ['external_ref', 'status'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export interface RowProblem {
  row: number;
  column: string | null;
  message: string;
  /** The booking rule the row breaks: VALIDATION, DUPLICATE_BOOKING, CAPACITY_FULL, PORT_SUSPENDED, BOOKING_WINDOW. */
  rule?: string;
}

export interface RawRow {
  /** CSV: the spreadsheet row (the header is row 1). JSON: the 1-based index in `appointments`. */
  row: number;
  values: Partial<Record<CsvColumn, unknown>>;
  /** Set when a CSV record has a different number of fields than the header. */
  width?: number;
}

export function invalid(rows: RowProblem[]): AppError {
  const n = rows.length;
  return new AppError('VALIDATION', `The roster was not imported: ${n} problem${n === 1 ? '' : 's'} found. Nothing was written.`, {
    es: `La lista no se importó: ${n} problema${n === 1 ? '' : 's'}. No se escribió nada.`,
    details: { rows: rows.slice(0, 1000), totalProblems: n },
  });
}

export function tooLarge(what: 'bytes' | 'rows'): AppError {
  return what === 'bytes'
    ? new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 5 MB. Split it into smaller files.', {
        es: 'El archivo supera los 5 MB. Divídalo en archivos más pequeños.',
      })
    : new AppError('PAYLOAD_TOO_LARGE', `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows. Split it into smaller files.`, {
        es: `El archivo tiene más de ${MAX_IMPORT_ROWS.toLocaleString('es-MX')} filas. Divídalo en archivos más pequeños.`,
      });
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    if (i + need >= bytes.length && need > 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge('bytes');
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const line = lineOf(body, bad);
    throw invalid([
      {
        row: line,
        column: null,
        message: `The file is not UTF-8: byte 0x${body[bad]!.toString(16).toUpperCase()} on line ${line} (Windows-1252 or Latin-1, as older Excel saves CSV). Save it as "CSV UTF-8" and upload it again.`,
      },
    ]);
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    throw invalid([{ row: line, column: null, message: `The file contains a NUL character on line ${line}.` }]);
  }
  return text;
}

export function parseCsvRows(text: string): RawRow[] {
  if (text.trim() === '') throw invalid([{ row: 1, column: null, message: 'The file is empty.' }]);
  let records: Array<{ record: string[]; info: { records: number } }>;
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true, trim: false, bom: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    // csv-parse names the line where an unclosed quote opened ("... at line 3"); prefer it.
    const opened = /at line (\d+)/.exec(err.message ?? '');
    throw invalid([{ row: opened ? Number(opened[1]) : (err.lines ?? 1), column: null, message: `The CSV cannot be read: ${err.message ?? 'malformed quoting'}` }]);
  }
  const header = records[0]!.record.map((h) => h.trim().toLowerCase());
  const problems: RowProblem[] = [];
  for (const column of CSV_COLUMNS) if (!header.includes(column)) problems.push({ row: 1, column, message: `missing column "${column}"` });
  header.forEach((h, i) => {
    if (![...CSV_COLUMNS, ...OPTIONAL_COLUMNS].includes(h as CsvColumn)) problems.push({ row: 1, column: h || `#${i + 1}`, message: `unknown column "${h}"` });
    else if (header.indexOf(h) !== i) problems.push({ row: 1, column: h, message: `column "${h}" appears twice` });
  });
  if (problems.length) throw invalid(problems);
  const data = records.slice(1);
  if (data.length === 0) throw invalid([{ row: 2, column: null, message: 'The file has a header but no rows.' }]);
  if (data.length > MAX_IMPORT_ROWS) throw tooLarge('rows');
  return data.map(({ record }, i) => {
    const values: RawRow['values'] = {};
    header.forEach((h, k) => {
      values[h as CsvColumn] = record[k] ?? '';
    });
    return { row: i + 2, values, width: record.length === header.length ? undefined : record.length };
  });
}

export function jsonRows(body: { port: string; appointments: unknown[] }): RawRow[] {
  if (body.appointments.length === 0) throw invalid([{ row: 1, column: null, message: 'The roster has no appointments.' }]);
  if (body.appointments.length > MAX_IMPORT_ROWS) throw tooLarge('rows');
  return body.appointments.map((a, i) => {
    const o = (a && typeof a === 'object' ? a : {}) as Record<string, unknown>;
    const p = (o.person && typeof o.person === 'object' ? o.person : {}) as Record<string, unknown>;
    return {
      row: i + 1,
      values: {
        port: body.port,
        confirmation_code: o.confirmationCode,
        scheduled_at: o.scheduledAt,
        party_size: o.partySize,
        family_name: p.familyName,
        given_name: p.givenName,
        date_of_birth: p.dateOfBirth,
        nationality: p.nationality,
        language: p.language,
        document_number: p.documentNumber,
        external_ref: o.externalRef,
      },
    };
  });
}
