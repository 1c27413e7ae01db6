/**
 * Cross-site request refusal. A state-changing request riding on the session cookie (and every server
 * action) must show where it came from: an Origin, or lacking one a Referer, whose scheme, host and
 * port equal the app's own origin, or Sec-Fetch-Site: same-origin (docs/api.md, Conventions). Next normalises
 * request.url to localhost, so the app's origin is APP_URL, or the Host the request arrived with (and
 * X-Forwarded-Host / X-Forwarded-Proto only from a trusted proxy), never request.url.
 */
import 'server-only';
import { env } from '@/lib/env';

function originOf(value: string | null): string | null {
  if (!value || value === 'null') return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin.toLowerCase();
  } catch {
    return null;
  }
}

/** The origins this app answers on, as "scheme://host[:port]" in lower case. */
export function appOrigins(headers: Headers): Set<string> {
  const e = env();
  const trustProxy = e.TRUST_PROXY === true || e.TRUST_PROXY_HOPS > 0;
  const allowed = new Set<string>();
  if (e.APP_URL) allowed.add(new URL(e.APP_URL).origin.toLowerCase());
  const proto = trustProxy ? (headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() ?? 'http') : 'http';
  const scheme = proto === 'https' ? 'https' : 'http';
  const hosts = [headers.get('host')];
  if (trustProxy) hosts.push(headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? null);
  for (const host of hosts) {
    const origin = host ? originOf(`${scheme}://${host}`) : null;
    if (origin) allowed.add(origin);
  }
  return allowed;
}

export function isSameOrigin(request: { headers: Headers }): boolean {
  const { headers } = request;
  const allowed = appOrigins(headers);
  const origin = headers.get('origin');
  // "null" is what a browser sends under Referrer-Policy: no-referrer (ours): it proves nothing
  // either way, so the browser-set Sec-Fetch-Site decides, as for a missing Origin.
  if (origin !== null && origin !== 'null') {
    const o = originOf(origin);
    return o !== null && allowed.has(o);
  }
  const referer = originOf(headers.get('referer'));
  if (referer !== null) return allowed.has(referer);
  return headers.get('sec-fetch-site') === 'same-origin';
}

/** The session cookie Auth.js sets (possibly chunked, with or without the __Secure- prefix). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-|__Host-)?authjs\.session-token(?:\.\d+)?=/;

export function carriesSessionCookie(headers: Headers): boolean {
  return SESSION_COOKIE.test(headers.get('cookie') ?? '');
}

/**
 * The one origin links back to this app are built on (Auth.js's callback and the provider's logout
 * return): AUTH_URL, else APP_URL, else the Host the request arrived with (forwarded only from a
 * trusted proxy). Never request.url, which Next rewrites to localhost.
 */
export function appOrigin(headers: Headers): string {
  const e = env();
  const configured = e.AUTH_URL ?? e.APP_URL;
  if (configured) return new URL(configured).origin;
  const trustProxy = e.TRUST_PROXY === true || e.TRUST_PROXY_HOPS > 0;
  const proto = trustProxy ? headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() : undefined;
  const host = (trustProxy ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined) || headers.get('host');
  return originOf(`${proto === 'https' ? 'https' : 'http'}://${host ?? 'localhost'}`) ?? 'http://localhost';
}
