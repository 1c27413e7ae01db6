/**
 * The stored keys of a person (appointments.identity_key, document_key, search_key), computed in the
 * app so PostgreSQL and the embedded database agree without extensions. Bump IDENTITY_KEY_VERSION
 * whenever the fold changes: the migrate step (recompute.ts) then rewrites every older row.
 */
import { foldCompact, foldText, foldWords } from './fold';

export const IDENTITY_KEY_VERSION = 2;

export interface PersonIdentity {
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  nationality: string;
  documentNumber?: string | null;
}

/** "ab 12-34/5", "ＡＢ１２３４５" and "АВ12345" (Cyrillic) are one document: "AB12345". */
export function documentKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const cleaned = foldCompact(value).toUpperCase();
  return cleaned === '' ? null : cleaned;
}

/**
 * The same family name, given name, date of birth and nationality however written. The document
 * number is a separate key (documentKey): a person is one person whether or not a document was given.
 */
export function identityKey(person: PersonIdentity): string {
  return `${foldCompact(person.familyName)}|${foldCompact(person.givenName)}|${person.dateOfBirth}|${person.nationality.trim().toUpperCase()}`;
}

/** Folded "given family" words: what the officer's search and the near-match detection read. */
export function searchKey(givenName: string, familyName: string): string {
  return foldText(`${givenName} ${familyName}`);
}

/** The search query folded like searchKey, without spaces (matched against the key without spaces). */
export function searchQuery(q: string): string {
  return foldCompact(q);
}

/** The sorted bag of folded name words: swapped given and family names agree. */
export function nameTokens(givenName: string, familyName: string): string[] {
  return foldWords(`${givenName} ${familyName}`).sort();
}

/** Every stored key column of an appointment row, for inserts (intake, import, seed, factories). */
export function personKeys(person: PersonIdentity) {
  return {
    identityKey: identityKey(person),
    documentKey: documentKey(person.documentNumber),
    searchKey: searchKey(person.givenName, person.familyName),
    identityKeyVersion: IDENTITY_KEY_VERSION,
  };
}
