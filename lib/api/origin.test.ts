import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { appOrigin, carriesSessionCookie, isSameOrigin } from './origin';

const req = (h: Record<string, string>) => ({ headers: new Headers({ host: '127.0.0.1:3000', ...h }) });

afterEach(() => {
  delete process.env.APP_URL;
  delete process.env.AUTH_URL;
  delete process.env.TRUST_PROXY_HOPS;
  resetEnvCache();
});

describe('same-origin proof', () => {
  it.each([
    [{ origin: 'http://127.0.0.1:3000' }, true],
    [{ origin: 'HTTP://127.0.0.1:3000' }, true],
    [{ origin: 'http://evil.example' }, false],
    [{ origin: 'https://127.0.0.1:3000' }, false], // other scheme
    [{ origin: 'http://127.0.0.1:3001' }, false], // other port
    [{ origin: 'http://127.0.0.1:3000.evil.example' }, false],
    [{ origin: 'http://127.0.0.1' }, false],
    [{ origin: 'javascript://127.0.0.1:3000' }, false],
    [{ origin: 'not a url' }, false],
    [{}, false], // nothing at all
    [{ referer: 'http://127.0.0.1:3000/roster?x=1' }, true],
    [{ referer: 'http://evil.example/http://127.0.0.1:3000/' }, false],
    [{ 'sec-fetch-site': 'same-origin' }, true],
    [{ 'sec-fetch-site': 'same-site' }, false],
    [{ origin: 'null', 'sec-fetch-site': 'cross-site' }, false],
    [{ origin: 'null', 'sec-fetch-site': 'same-origin' }, true],
    // A forged X-Forwarded-Host counts only behind a trusted proxy.
    [{ origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }, false],
  ] as const)('%o → %s', (headers, expected) => {
    expect(isSameOrigin(req(headers))).toBe(expected);
  });

  it('accepts the configured public origin, scheme and port included', () => {
    process.env.APP_URL = 'https://roster.example.gov';
    resetEnvCache();
    expect(isSameOrigin(req({ origin: 'https://roster.example.gov' }))).toBe(true);
    expect(isSameOrigin(req({ origin: 'http://roster.example.gov' }))).toBe(false);
    expect(isSameOrigin(req({ origin: 'https://roster.example.gov:8443' }))).toBe(false);
  });

  it('behind a trusted proxy, uses its X-Forwarded-Host and -Proto', () => {
    process.env.TRUST_PROXY_HOPS = '1';
    resetEnvCache();
    expect(isSameOrigin(req({ origin: 'https://roster.example.gov', 'x-forwarded-host': 'roster.example.gov', 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isSameOrigin(req({ origin: 'http://roster.example.gov', 'x-forwarded-host': 'roster.example.gov', 'x-forwarded-proto': 'https' }))).toBe(false);
  });

  it('recognises the session cookie, chunked or prefixed, and nothing else', () => {
    for (const c of ['authjs.session-token=x', 'a=1; __Secure-authjs.session-token.0=x', 'authjs.session-token.1=y']) {
      expect(carriesSessionCookie(new Headers({ cookie: c }))).toBe(true);
    }
    for (const c of ['', 'authjs.csrf-token=x', 'xauthjs.session-token=1', 'pr_locale=es']) {
      expect(carriesSessionCookie(new Headers({ cookie: c }))).toBe(false);
    }
  });
});

describe('the origin single sign-on links are built on', () => {
  it('is the Host the browser used (127.0.0.1 stays 127.0.0.1), and ignores a forged X-Forwarded-Host', () => {
    expect(appOrigin(req({}).headers)).toBe('http://127.0.0.1:3000');
    expect(appOrigin(req({ 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }).headers)).toBe('http://127.0.0.1:3000');
  });

  it('follows a trusted proxy, and AUTH_URL over APP_URL over both', () => {
    process.env.TRUST_PROXY_HOPS = '1';
    resetEnvCache();
    expect(appOrigin(req({ 'x-forwarded-host': 'roster.example.gov', 'x-forwarded-proto': 'https' }).headers)).toBe('https://roster.example.gov');
    process.env.APP_URL = 'https://app.example.gov';
    resetEnvCache();
    expect(appOrigin(req({}).headers)).toBe('https://app.example.gov');
    process.env.AUTH_URL = 'https://auth.example.gov/api/auth';
    resetEnvCache();
    expect(appOrigin(req({}).headers)).toBe('https://auth.example.gov');
  });
});
