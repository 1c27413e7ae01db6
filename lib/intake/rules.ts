/**
 * Pure intake rules: who a person is (for "one active appointment per person per date"),
 * effective limits, and the spreadsheet-safety rule of the roster CSV. No db, next or react.
 */
import { foldForSearch } from '@/lib/search-fold';

export interface PersonIdentity {
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  nationality: string;
  documentNumber?: string | null;
}

/** "ab 12-34/5" → "AB12345": the same document typed with spaces or dashes is one document. */
export function normaliseDocumentNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  const cleaned = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return cleaned === '' ? null : cleaned;
}

function foldName(value: string): string {
  return foldForSearch(value).trim().replace(/\s+/g, ' ');
}

/**
 * The key of the database's uniqueness rule: the document number when known, else the folded
 * family name, given name, date of birth and nationality.
 */
export function identityKey(person: PersonIdentity): string {
  const doc = normaliseDocumentNumber(person.documentNumber);
  if (doc) return `doc:${doc}`;
  return `name:${foldName(person.familyName)}|${foldName(person.givenName)}|${person.dateOfBirth}|${person.nationality.toUpperCase()}`;
}

/**
 * The name as a sorted bag of folded words: "Peña Núñez, José" and "José Peña Nunez" agree, so swapped
 * given and family names match. Mirrors nameTokensSql in flags detection.
 */
export function nameTokens(givenName: string, familyName: string): string {
  return foldForSearch(`${givenName} ${familyName}`)
    .split(/[\s-]+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

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
