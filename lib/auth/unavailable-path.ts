/**
 * Where a page sends the person while the database does not answer (app/unavailable), and the
 * same-site path it returns to afterwards. Pure, so both the server and the page can use it.
 */
import { safeRedirectPath } from './safe-redirect';

export const UNAVAILABLE_PATH = '/unavailable';

/** Only a same-site path, never /unavailable itself, may be the way back (no open redirect, no loop). */
export function safeReturnPath(value: string | null | undefined): string {
  return safeRedirectPath(value, { refuse: [UNAVAILABLE_PATH] });
}

export function unavailablePath(current: string | null | undefined): string {
  return `${UNAVAILABLE_PATH}?back=${encodeURIComponent(safeReturnPath(current))}`;
}
