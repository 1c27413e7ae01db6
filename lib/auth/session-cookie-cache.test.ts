import { describe, expect, it, vi } from 'vitest';
import { cachedSessionId, sessionCookieKey } from './session-cookie-cache';

const cookie = (value: string) => [
  { name: 'authjs.csrf-token', value: 'ignored' },
  { name: 'authjs.session-token', value },
];

describe('session cookie cache', () => {
  it('decrypts a cookie once, and again for another cookie', async () => {
    const decrypt = vi.fn(async () => 'sid-a');
    const key = sessionCookieKey(cookie('token-a'));
    expect(await cachedSessionId(key, decrypt, 1_000)).toBe('sid-a');
    expect(await cachedSessionId(key, decrypt, 2_000)).toBe('sid-a');
    expect(decrypt).toHaveBeenCalledTimes(1);
    const other = vi.fn(async () => 'sid-b');
    expect(await cachedSessionId(sessionCookieKey(cookie('token-b')), other, 2_000)).toBe('sid-b');
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('never remembers a cookie that did not decrypt, and forgets after five minutes', async () => {
    const key = sessionCookieKey(cookie('forged'));
    const refuse = vi.fn(async () => null);
    await cachedSessionId(key, refuse, 1_000);
    await cachedSessionId(key, refuse, 1_001);
    expect(refuse).toHaveBeenCalledTimes(2);
    const late = sessionCookieKey(cookie('token-c'));
    const decrypt = vi.fn(async () => 'sid-c');
    await cachedSessionId(late, decrypt, 0);
    await cachedSessionId(late, decrypt, 5 * 60_000 + 1);
    expect(decrypt).toHaveBeenCalledTimes(2);
  });

  it('keys on the session cookie only (chunks included), as a digest', () => {
    expect(sessionCookieKey([{ name: 'authjs.csrf-token', value: 'x' }])).toBeNull();
    const chunked = sessionCookieKey([
      { name: '__Secure-authjs.session-token.1', value: 'second-chunk' },
      { name: '__Secure-authjs.session-token.0', value: 'first-chunk' },
    ]);
    expect(chunked).not.toContain('chunk');
    expect(chunked).toBe(
      sessionCookieKey([
        { name: '__Secure-authjs.session-token.0', value: 'first-chunk' },
        { name: '__Secure-authjs.session-token.1', value: 'second-chunk' },
      ]),
    );
    expect(chunked).not.toBe(sessionCookieKey([{ name: '__Secure-authjs.session-token.0', value: 'first-chunk' }]));
  });
});
