/** What Enter in the kiosk's search box means: pure, so it is tested without a browser. */
import type { Appointment } from '@/lib/roster/schemas';
import { looksLikeConfirmationCode, normaliseConfirmationCode } from '@/lib/roster/confirmation-code';
import { basicFoldWords } from '@/lib/identity/basic-fold';

/** A code matches exactly; a name fragment matches either name order, ignoring case and accents. */
export function matches(a: Appointment, q: string): boolean {
  if (!q) return true;
  if (a.confirmationCode === normaliseConfirmationCode(q)) return true;
  const needle = basicFoldWords(q.trim());
  return basicFoldWords(`${a.givenName} ${a.familyName}`).includes(needle) || basicFoldWords(`${a.familyName} ${a.givenName}`).includes(needle);
}

export type ScanDecision =
  | { kind: 'act'; row: Appointment }
  | { kind: 'select'; row: Appointment }
  | { kind: 'lookup'; code: string }
  | { kind: 'none' };

/**
 * Enter on an exact code (or the only visible row) selects it; Enter again on the selection acts.
 * A code not on this roster is looked up elsewhere (another port or day).
 */
export function decideScan(q: string, rows: readonly Appointment[], visible: readonly Appointment[], selectedId: string | null): ScanDecision {
  const code = normaliseConfirmationCode(q);
  const exact = rows.find((a) => a.confirmationCode === code);
  const selected = selectedId ? rows.find((a) => a.id === selectedId) : undefined;
  if (selected && (exact?.id === selected.id || visible.length === 1)) return { kind: 'act', row: selected };
  const only = exact ?? (visible.length === 1 ? visible[0] : undefined);
  if (only) return { kind: 'select', row: only };
  if (looksLikeConfirmationCode(q)) return { kind: 'lookup', code };
  return { kind: 'none' };
}
