import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

describe('redirect targets from input', () => {
  it.each([
    ['/roster/nogales?date=2026-01-02', '/roster/nogales?date=2026-01-02'],
    ['/', '/'],
    ['/a/../b', '/b'],
    ['/a/./b', '/a/b'],
    // Encoded slashes stay encoded: a path on this app, not a host.
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['/%2e%2e/admin', '/admin'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it.each([
    '//evil.example',
    '//evil.example/x',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    '/.//evil.example',
    '/./\\evil.example',
    '/..//evil.example',
    '/a/../..//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/ /evil.example',
    '/x\r\nSet-Cookie: a=b',
    'https://evil.example/',
    'http:/evil.example',
    'HTTPS://evil.example',
    'javascript:alert(1)',
    'data:text/html,hi',
    'evil.example',
    '',
    '/'.repeat(3000),
    null,
    undefined,
    42,
  ])('%j → /', (input) => {
    expect(safeRedirectPath(input)).toBe('/');
  });

  it('refuses the paths a caller names, so sign-in cannot loop to itself', () => {
    expect(safeRedirectPath('/sign-in?reason=idle', { refuse: ['/sign-in'] })).toBe('/');
    expect(safeRedirectPath('/sign-in/x', { refuse: ['/sign-in'] })).toBe('/');
    expect(safeRedirectPath('/sign-inx', { refuse: ['/sign-in'] })).toBe('/sign-inx');
  });
});
