/**
 * An API path whose percent-encoding does not decode (a lone "%", "%ZZ", or bytes that are not
 * UTF-8 such as "%FF" or an encoded surrogate) made Next's router fail while decoding the route
 * parameters, a plain-text 500 before any handler ran. The proxy answers such paths first, with a
 * 400 in the API's error shape. Edge-safe: no Node APIs.
 */
export function malformedApiPath(pathname: string): Response | null {
  if (!pathname.startsWith('/api/') || !pathname.includes('%')) return null;
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return new Response(
      JSON.stringify({ error: { code: 'VALIDATION', message: 'The path is not valid percent-encoded UTF-8.', fields: { path: 'malformed percent-encoding' } } }),
      { status: 400, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store, private' } },
    );
  }
}
