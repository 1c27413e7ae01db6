/**
 * Remembers which session row a session cookie names. Decrypting the cookie (Auth.js: HKDF, then
 * AES with HMAC, through WebCrypto) took about a tenth of the server's CPU under 64 kiosks (bench
 * CPU profile, issue 16), and the cookie's contents never change: it only names a session row. The
 * row is still read on every request (lib/auth/session-store.ts), so sign-out, idle and absolute limits,
 * deactivation and role changes apply exactly as before; only the decryption is skipped. Keys are
 * SHA-256 digests of the cookie, never the cookie itself.
 */
import { createHash } from 'node:crypto';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { sid: string | null; until: number }>();

/** Auth.js's session cookie, possibly chunked (name.0, name.1...), as one stable string; null without one. */
export function sessionCookieKey(cookies: Array<{ name: string; value: string }>): string | null {
  const parts = cookies
    .filter((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name))
    .map((c) => `${c.name}=${c.value}`)
    .sort();
  return parts.length ? createHash('sha256').update(parts.join(';')).digest('base64url') : null;
}

export async function cachedSessionId(key: string | null, decrypt: () => Promise<string | null>, at = Date.now()): Promise<string | null> {
  if (key === null) return decrypt();
  const hit = entries.get(key);
  if (hit && hit.until > at) return hit.sid;
  const sid = await decrypt();
  // A cookie that does not decrypt is not remembered: it is cheap to refuse again, and could be anyone's.
  if (sid !== null) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { sid, until: at + TTL_MS });
  }
  return sid;
}
