/**
 * Errors the database layer raises itself. Plain classes with a code, like the driver's own errors:
 * lib/errors.ts counts the code among the "database unavailable" ones and lib/api/respond.ts turns
 * the error into the product's 503 with its words.
 */

/** No pooled connection freed up in time (db/transaction-gate.ts): nothing was sent, nothing written. */
export class DatabaseBusyError extends Error {
  readonly code = 'POOL_BUSY';
  /** A permit frees up as soon as any transaction ends: a short wait is enough. */
  readonly retryAfterSeconds = 2;

  constructor() {
    super('Every database connection is busy. Try again shortly.');
    this.name = 'DatabaseBusyError';
  }
}
