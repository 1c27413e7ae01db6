import { describe, expect, it } from 'vitest';
import { logLine, scrub, scrubConsole } from './log';

describe('log lines carry ids, not people', () => {
  it('drops a failed query\u2019s parameters, PostgreSQL\u2019s row details and email addresses', () => {
    const failed = 'Failed query: insert into "appointments" ("family_name", "given_name") values ($1, $2)\nparams: Ramírez,Ana María,1990-04-01,X1234567';
    expect(scrub(failed)).toBe('Failed query: insert into "appointments" ("family_name", "given_name") values ($1, $2)\nparams: [redacted]');
    expect(scrub('Key (lower(email))=(ana.ramirez@example.gov) already exists.')).toBe('Key (lower(email))=([redacted]) already exists.');
    expect(scrub('Failing row contains (1, Ramírez, Ana, 1990-04-01).')).toBe('Failing row contains ([redacted]).');
    expect(scrub('user officer.san-ysidro@example.gov refused')).toBe('user [email] refused');
  });

  it('scrubs nested values and keeps ids and one line per entry', () => {
    const line = logLine({ requestId: 'req-1', userId: '5b0c…', error: { cause: 'params: Ana\u2028Fake' } });
    expect(line).not.toContain('Ana');
    expect(line).toContain('req-1');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('scrubs what Next prints itself', () => {
    const seen: unknown[] = [];
    const fake = { error: (...a: unknown[]) => seen.push(...a), warn: (...a: unknown[]) => seen.push(...a) };
    scrubConsole(fake);
    fake.error(new Error('Failed query: select\nparams: García'), 'mail ana@example.gov');
    expect(JSON.stringify(seen)).not.toMatch(/García|ana@example/);
  });
});
