/**
 * Near matches: two bookings that are probably one person written differently, accepted but flagged
 * for a supervisor at once. Pure (no db): detect-flags.ts loads candidates (same nationality and a
 * close date of birth) and asks this rule. An exact match (same identity key) is not "near": it is a
 * duplicate (409) on the same date, or multiple_bookings on another.
 *
 * A pair is near when its names agree up to one of the variations below AND its dates of birth
 * agree up to one of the date variations, with at least one variation present:
 * - names: the same words regrouped (given and family swapped, or "Peña Núñez, José" vs "Peña, José
 *   Núñez"), a given name dropped ("José María" vs "José"), or a second family name dropped
 *   (Spanish and Portuguese double surnames: "García López" vs "García").
 * - dates: one day apart, or day and month swapped (03/04 vs 04/03, the US/Latin American order).
 * Two people who merely share a common name but not the date of birth stay apart.
 */
import { foldCompact, foldWords } from './fold';

export type NearMatchReason =
  | 'swapped_names'
  | 'dropped_given_name'
  | 'dropped_family_name'
  | 'dob_off_by_one'
  | 'dob_day_month_swapped';

export interface NamedPerson {
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  nationality: string;
}

/** `b` has every word of `a` and more (order kept by neither): a dropped name. */
function properSubset(a: string[], b: string[]): boolean {
  if (a.length === 0 || a.length >= b.length) return false;
  const pool = [...b];
  for (const w of a) {
    const i = pool.indexOf(w);
    if (i < 0) return false;
    pool.splice(i, 1);
  }
  return true;
}

function nameVariation(a: NamedPerson, b: NamedPerson): NearMatchReason | 'same' | null {
  const fa = foldCompact(a.familyName);
  const fb = foldCompact(b.familyName);
  const ga = foldCompact(a.givenName);
  const gb = foldCompact(b.givenName);
  if (fa === fb && ga === gb) return 'same';
  const bagA = foldWords(`${a.givenName} ${a.familyName}`).sort().join(' ');
  const bagB = foldWords(`${b.givenName} ${b.familyName}`).sort().join(' ');
  if (bagA === bagB || (fa === gb && ga === fb)) return 'swapped_names';
  const gwA = foldWords(a.givenName);
  const gwB = foldWords(b.givenName);
  const fwA = foldWords(a.familyName);
  const fwB = foldWords(b.familyName);
  if (fa === fb && (properSubset(gwA, gwB) || properSubset(gwB, gwA))) return 'dropped_given_name';
  // Only the second family name may go: "García López" → "García", never "López" → "García López".
  const droppedSecond = (short: string[], long: string[]) => short.length > 0 && long.length > short.length && short.every((w, i) => long[i] === w);
  if (ga === gb && (droppedSecond(fwA, fwB) || droppedSecond(fwB, fwA))) return 'dropped_family_name';
  return null;
}

const DAY_MS = 86_400_000;

function dateVariation(a: string, b: string): NearMatchReason | 'same' | null {
  if (a === b) return 'same';
  const ta = Date.parse(`${a}T00:00:00Z`);
  const tb = Date.parse(`${b}T00:00:00Z`);
  if (Math.abs(ta - tb) === DAY_MS) return 'dob_off_by_one';
  if (dayMonthSwapped(a) === b) return 'dob_day_month_swapped';
  return null;
}

/** 1990-03-04 → 1990-04-03; null when the swapped date does not exist (day above 12). */
export function dayMonthSwapped(date: string): string | null {
  const [y, m, d] = date.split('-');
  if (!y || !m || !d || Number(d) > 12 || m === d) return null;
  return `${y}-${d}-${m}`;
}

/** Why `a` and `b` are probably one person written differently, or [] when they are not. */
export function nearMatch(a: NamedPerson, b: NamedPerson): NearMatchReason[] {
  if (a.nationality.trim().toUpperCase() !== b.nationality.trim().toUpperCase()) return [];
  const name = nameVariation(a, b);
  const date = dateVariation(a.dateOfBirth, b.dateOfBirth);
  if (name === null || date === null || (name === 'same' && date === 'same')) return [];
  return [name, date].filter((r): r is NearMatchReason => r !== 'same');
}
