import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { parseInput, readJsonBody } from './validate';

const req = (body: BodyInit | null, type?: string) =>
  new Request('http://x/api', { method: 'POST', body, headers: type ? { 'Content-Type': type } : {} });

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return `${e.status} ${e.code}${e.fields ? ` ${Object.keys(e.fields).join(',')}` : ''}`;
    throw e;
  }
}

describe('readJsonBody', () => {
  it('accepts JSON (also with a charset or a +json type) and an empty body of any type', async () => {
    expect(await readJsonBody(req('{"a":1}', 'application/json'))).toEqual({ a: 1 });
    expect(await readJsonBody(req('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ a: 1 });
    expect(await readJsonBody(req('{"a":1}', 'application/merge-patch+json'))).toEqual({ a: 1 });
    expect(await readJsonBody(req(null))).toEqual({});
  });
  it('415 for a JSON body sent as text/plain, form data, or without a type', async () => {
    expect(await code(readJsonBody(req('{"a":1}', 'text/plain')))).toBe('415 UNSUPPORTED_MEDIA_TYPE');
    expect(await code(readJsonBody(req('a=1', 'application/x-www-form-urlencoded')))).toBe('415 UNSUPPORTED_MEDIA_TYPE');
    const form = new FormData();
    form.set('a', '1');
    expect(await code(readJsonBody(new Request('http://x/api', { method: 'POST', body: form })))).toBe('415 UNSUPPORTED_MEDIA_TYPE');
    expect(await code(readJsonBody(new Request('http://x/api', { method: 'POST', body: new Uint8Array([0x7b, 0x7d]) })))).toBe('415 UNSUPPORTED_MEDIA_TYPE');
  });
  it('400 for invalid UTF-8 instead of storing U+FFFD', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"Pe'), 0xf1, ...new TextEncoder().encode('a"}')]);
    expect(await code(readJsonBody(req(bytes, 'application/json')))).toBe('400 VALIDATION _');
    expect(await code(readJsonBody(req(new Uint8Array([0xc0, 0xaf]), 'application/json')))).toBe('400 VALIDATION _');
  });
  it('400 naming the field for a NUL or a lone surrogate, and for malformed JSON', async () => {
    expect(await code(readJsonBody(req('{"person":{"familyName":"A\\u0000B"}}', 'application/json')))).toBe('400 VALIDATION person.familyName');
    expect(await code(readJsonBody(req('{"x":["ok","\\ud800"]}', 'application/json')))).toBe('400 VALIDATION x.1');
    expect(await code(readJsonBody(req('{"a":', 'application/json')))).toBe('400 VALIDATION');
  });
  it('413 past the size limit', async () => {
    expect(await code(readJsonBody(req(`{"a":"${'x'.repeat(100)}"}`, 'application/json'), 50))).toBe('413 PAYLOAD_TOO_LARGE');
  });
});

describe('parseInput', () => {
  it('refuses NUL in query and path values before any SQL', () => {
    expect(() => parseInput(z.object({ q: z.string() }), { q: 'a\u0000' })).toThrow(AppError);
  });
});
