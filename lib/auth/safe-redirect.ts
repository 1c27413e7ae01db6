/**
 * The one check for every redirect target that comes from input (sign-in's callbackUrl, the
 * language switch's `back`, the unavailable page's way back): only a path on this app, never another
 * origin. The value is parsed the way a browser would parse a Location header against our origin,
 * and the result must still be ours AND must not itself start like a protocol-relative URL: the
 * URL parser turns "/.//evil.example" into the path "//evil.example", which a browser would then
 * read as a host. Pure, so server code and pages share it.
 */
const BASE = 'http://app.invalid';
const MAX_LENGTH = 2048;

export function safeRedirectPath(value: unknown, opts: { fallback?: string; refuse?: readonly string[] } = {}): string {
  const fallback = opts.fallback ?? '/';
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return fallback;
  // Control characters and spaces are stripped or mangled differently by browsers and parsers.
  if (!value.startsWith('/') || /[\u0000-\u0020\u007f\\]/.test(value.slice(0, 2)) || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  if (opts.refuse?.some((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) return fallback;
  return path;
}
