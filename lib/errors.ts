/**
 * One error type for the product. Every layer throws AppError with a code;
 * lib/api/respond.ts maps codes to HTTP statuses and the UI maps them to words.
 */
import 'server-only';
import { DatabaseBusyError } from '@/db/errors';

export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  ALREADY_ARRIVED: 409,
  DEADLINE_NOT_PASSED: 409,
  CAPACITY_FULL: 409,
  DUPLICATE_BOOKING: 409,
  PORT_SUSPENDED: 409,
  LIMIT_BELOW_BOOKED: 409,
  NATIONAL_CAP_EXCEEDED: 409,
  WRONG_SERVICE_DATE: 409,
  UNDO_EXPIRED: 409,
  IN_USE: 409,
  LAST_ADMIN: 409,
  STALE_VERSION: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_MISMATCH: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface AppErrorOptions {
  fields?: Record<string, string>;
  /** Extra machine-readable detail merged into the error body (e.g. the current appointment). */
  details?: Record<string, unknown>;
  retryAfterSeconds?: number;
  /** The same message in Spanish, when the English one carries specifics (numbers, names). */
  es?: string;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly details?: Record<string, unknown>;
  readonly retryAfterSeconds?: number;
  readonly es?: string;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.es = options.es;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Error codes that mean "the database cannot serve this now; the same request may succeed shortly",
 * as opposed to a query bug. Each was seen from postgres.js during an outage, a restart or overload
 * (e2e/faults-*.spec.ts provokes them): Node socket errors, postgres.js's own connection codes, and
 * SQLSTATEs of class 08 (connection), 57 (operator intervention: admin shutdown 57P01, crash 57P02,
 * starting up 57P03, statement_timeout 57014), 53300 (too many connections) and 55P03 (lock_timeout);
 * POOL_BUSY is our own transaction gate's (db/errors.ts DatabaseBusyError).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '53300',
  '55P03',
  'POOL_BUSY',
]);

/** A database error found in a cause chain: its code (SQLSTATE, or the driver's/Node's) and constraint. */
export interface DatabaseErrorInfo {
  code: string;
  constraint?: string;
}

/**
 * The one walker of database error causes. Drizzle wraps the driver's error (`cause`), postgres.js
 * and PGlite name the constraint differently, and a connect to a name with several addresses fails
 * with an AggregateError of each attempt: this sees through all of them. Returns the first error in
 * the chain whose code `matches` (every coded error when omitted), or null.
 */
export function pgErrorOf(e: unknown, matches: (code: string) => boolean = () => true): DatabaseErrorInfo | null {
  const seen = new Set<unknown>();
  const pending: unknown[] = [e];
  while (pending.length > 0) {
    const cur = pending.pop();
    if (!cur || typeof cur !== 'object' || seen.has(cur)) continue;
    seen.add(cur);
    const c = cur as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown; errors?: unknown };
    if (typeof c.code === 'string' && matches(c.code)) {
      const constraint = c.constraint_name ?? c.constraint;
      return { code: c.code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
    pending.push(c.cause);
    if (Array.isArray(c.errors)) pending.push(...c.errors);
  }
  return null;
}

/** A unique-index clash (23505) anywhere in the cause chain, with the index's name, or null. */
export function uniqueViolationOf(e: unknown): DatabaseErrorInfo | null {
  return pgErrorOf(e, (code) => code === '23505');
}

/** Database unreachable, restarting, overloaded or too slow, anywhere in the error's cause chain. */
export function isDatabaseUnavailable(e: unknown): boolean {
  return unavailableCode(e) !== null;
}

/** The code that makes `e` a database-unavailable error (for the log line), or null. */
export function unavailableCode(e: unknown): string | null {
  return pgErrorOf(e, (code) => UNAVAILABLE_CODES.has(code))?.code ?? null;
}

/**
 * Any error in the product's terms: an AppError as it is, the database's own "busy" and every
 * database-unavailable error as 503 UNAVAILABLE, anything else as INTERNAL (its detail is for the log).
 * lib/api/respond.ts answers with it; callers that judge an error by its code use it too.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof DatabaseBusyError) {
    return new AppError('UNAVAILABLE', error.message, {
      es: 'Todas las conexiones a la base de datos están ocupadas. Inténtelo de nuevo en un momento.',
      retryAfterSeconds: error.retryAfterSeconds,
      cause: error,
    });
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError('UNAVAILABLE', 'The database is not answering. Try again shortly.', { retryAfterSeconds: 5, cause: error });
  }
  return new AppError('INTERNAL', 'Something went wrong on our side.');
}
