/**
 * The client's address, for throttling. Each trusted reverse proxy appends the address it saw to
 * X-Forwarded-For, so with TRUST_PROXY_HOPS = n the client is the n-th entry from the right; entries
 * further left were written by the client and prove nothing. With no proxy (n = 0) `next start`
 * records the socket's address there itself, but only when the client sent no header of its own:
 * the address is then forgeable, which is why production runs behind a proxy with n >= 1 (README).
 */
import 'server-only';
import { env } from '@/lib/env';

const MAX_ADDRESS = 64;

export function clientAddressFrom(forwardedFor: string | null | undefined, hops: number = env().TRUST_PROXY_HOPS): string {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return 'unknown';
  const index = hops === 0 ? entries.length - 1 : Math.max(0, entries.length - hops);
  return normaliseAddress(entries[index]!);
}

/** One spelling per address: lower case, IPv4-mapped IPv6 as IPv4, no port, bounded length. */
export function normaliseAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (a.startsWith('::ffff:') && /^\d{1,3}(\.\d{1,3}){3}$/.test(a.slice(7))) a = a.slice(7);
  return a.slice(0, MAX_ADDRESS) || 'unknown';
}

export function clientAddress(headers: Headers): string {
  return clientAddressFrom(headers.get('x-forwarded-for'));
}
