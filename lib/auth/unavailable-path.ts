/**
 * Where a page sends the person while the database does not answer (app/unavailable), and the
 * same-site path it returns to afterwards. Pure, so both the server and the page can use it.
 */
export const UNAVAILABLE_PATH = '/unavailable';

/** Only a same-site path, never /unavailable itself, may be the way back (no open redirect, no loop). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  try {
    const url = new URL(value, 'http://internal');
    if (url.origin !== 'http://internal' || url.pathname.startsWith(UNAVAILABLE_PATH)) return '/';
    return `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
}

export function unavailablePath(current: string | null | undefined): string {
  return `${UNAVAILABLE_PATH}?back=${encodeURIComponent(safeReturnPath(current))}`;
}
