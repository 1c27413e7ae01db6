/**
 * Cross-site request refusal for cookie-authenticated mutations. Next normalises request.url to
 * localhost, so the Origin is compared with the Host the request actually arrived with
 * (or the configured public URL), never with request.url.
 */
import { env } from '@/lib/env';

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return request.headers.get('sec-fetch-site') === 'same-origin';
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  const e = env();
  const allowed = new Set<string>();
  const host = request.headers.get('host');
  if (host) allowed.add(host.toLowerCase());
  const forwarded = request.headers.get('x-forwarded-host');
  if (e.TRUST_PROXY && forwarded) allowed.add(forwarded.split(',')[0]!.trim().toLowerCase());
  if (e.APP_URL) allowed.add(new URL(e.APP_URL).host.toLowerCase());
  return allowed.has(originHost);
}
