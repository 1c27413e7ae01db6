import { describe, expect, it } from 'vitest';
import { AppError, isDatabaseUnavailable, unavailableCode, uniqueViolationOf } from './errors';

describe('isDatabaseUnavailable', () => {
  // Every code seen from postgres.js while e2e/faults-*.spec.ts takes the database away, stalls it or locks rows.
  it.each(['ECONNREFUSED', 'ECONNRESET', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', '57P01', '57P03', '57014', '55P03', '53300', '08006'])('%s means unavailable', (code) => {
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(true);
  });

  it('looks through the cause chain (drizzle wraps the driver error)', () => {
    const driver = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wrapped = new Error('Failed query: select 1', { cause: driver });
    expect(unavailableCode(wrapped)).toBe('ECONNREFUSED');
  });

  it('looks inside an AggregateError of several connect attempts', () => {
    const attempts = new AggregateError([new Error('other'), Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], 'connect failed');
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: attempts }))).toBe(true);
  });

  it('is false for query bugs, constraint violations and our own errors', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(new AppError('NOT_FOUND', 'no'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('survives a cause cycle', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe('uniqueViolationOf', () => {
  it('finds the clash and its index under drizzle’s wrapper, in either driver’s spelling', () => {
    const postgresJs = Object.assign(new Error('duplicate key'), { code: '23505', constraint_name: 'ports_slug_unique' });
    const pglite = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'ports_code_unique' });
    expect(uniqueViolationOf(new Error('Failed query', { cause: postgresJs }))).toEqual({ code: '23505', constraint: 'ports_slug_unique' });
    expect(uniqueViolationOf(new Error('Failed query', { cause: pglite }))?.constraint).toBe('ports_code_unique');
  });

  it('is null for other database errors and for errors without a code', () => {
    expect(uniqueViolationOf(Object.assign(new Error('fk'), { code: '23503' }))).toBeNull();
    expect(uniqueViolationOf(new Error('plain'))).toBeNull();
  });
});
