/**
 * One error type for the product. Every layer throws AppError with a code;
 * lib/api/respond.ts maps codes to HTTP statuses and the UI maps them to words.
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
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

/** Database unreachable (connection refused, reset, timeout) as opposed to a query bug. */
export function isDatabaseUnavailable(e: unknown): boolean {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const c = cur as { code?: unknown; message?: unknown; cause?: unknown };
    const code = typeof c.code === 'string' ? c.code : '';
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P03', '53300', '57014'].includes(code))
      return true;
    cur = c.cause;
  }
  return false;
}
