/**
 * Runs before every route except static files: a per-request CSP nonce, security headers,
 * a request id, and no caching of personal data. It is deliberately NOT an authorization
 * layer: pages and the lib layer check the user themselves.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { isSameOrigin } from '@/lib/api/origin';
import { malformedApiPath } from '@/lib/api/malformed-path';
import { BASE_SECURITY_HEADERS, contentSecurityPolicy } from '@/lib/security-headers';

/**
 * A server action is a POST with a Next-Action header. Next's own check answers a cross-site one with
 * a bare 500 and lets one without Origin through; ours answers 403 in the API's error shape (same rule
 * as lib/api/route.ts), before any action code runs, sign-in included (no login CSRF).
 */
function refuseCrossSiteAction(request: NextRequest): NextResponse | null {
  if (request.method !== 'POST' || !request.headers.has('next-action') || isSameOrigin(request)) return null;
  return NextResponse.json(
    { error: { code: 'FORBIDDEN', message: 'Cross-site request refused.' } },
    { status: 403, headers: { 'Cache-Control': 'no-store, private', ...BASE_SECURITY_HEADERS } },
  );
}

export function proxy(request: NextRequest) {
  const refused = refuseCrossSiteAction(request);
  if (refused) return refused;
  const nonce = btoa(crypto.randomUUID());
  const requestId = crypto.randomUUID();
  const oidcIssuer = process.env.OIDC_ISSUER ? new URL(process.env.OIDC_ISSUER).origin : undefined;
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV !== 'production',
    formActions: oidcIssuer ? [oidcIssuer] : [],
  });

  const malformed = malformedApiPath(request.nextUrl.pathname);
  if (malformed) {
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) malformed.headers.set(name, value);
    malformed.headers.set('X-Request-Id', requestId);
    return malformed;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('x-request-id', requestId);
  requestHeaders.set('Content-Security-Policy', csp);
  // Server components cannot read the path; the language switch needs it to come back here.
  requestHeaders.set('x-pathname', `${request.nextUrl.pathname}${request.nextUrl.search}`);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set('X-Request-Id', requestId);
  response.headers.set('Cache-Control', 'no-store, private');
  // The page a stalled or restarting database leads to (lib/auth/unavailable-path.ts) says when to come back.
  if (request.nextUrl.pathname === '/unavailable') response.headers.set('Retry-After', '5');
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
