/**
 * Runs before every route except static files: a per-request CSP nonce, security headers,
 * a request id, and no caching of personal data. It is deliberately NOT an authorization
 * layer: pages and the lib layer check the user themselves.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { malformedApiPath } from '@/lib/api/malformed-path';
import { BASE_SECURITY_HEADERS, contentSecurityPolicy } from '@/lib/security-headers';

export function proxy(request: NextRequest) {
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
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
