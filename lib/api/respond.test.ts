import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { errorResponse } from './respond';

/** A name as an attacker would type it: a newline, then a whole fake log entry. */
const FORGED_NAME = 'Ana\n{"level":"error","requestId":"forged","error":"admin password reset"}\r\nMaría\u2028{"level":"error"}\u2029';

describe('the error log cannot be forged through a name', () => {
  afterEach(() => vi.restoreAllMocks());

  function capture(): string[] {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    return lines;
  }

  it('logs an unexpected error carrying the name as exactly one JSON line that reads back verbatim', async () => {
    const logged = capture();
    const response = errorResponse(new Error(`duplicate person ${FORGED_NAME}`), 'en', 'req-1');
    expect(response.status).toBe(500);
    expect(logged).toHaveLength(1);
    const [line] = logged;
    // One entry, one line: no raw line break of any kind for a log shipper to split on.
    expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
    const entry = JSON.parse(line!) as { level: string; requestId: string; error: string };
    expect(entry.level).toBe('error');
    expect(entry.requestId).toBe('req-1');
    expect(entry.error).toContain(`duplicate person ${FORGED_NAME}`);
    // Nor does the detail reach the client.
    expect(JSON.stringify(await response.json())).not.toContain('Ana');
  });

  it('writes nothing to the log for an expected refusal, whatever its message holds', () => {
    const logged = capture();
    expect(errorResponse(new AppError('VALIDATION', FORGED_NAME), 'en', 'req-2').status).toBe(400);
    expect(logged).toEqual([]);
  });
});
