/**
 * A deadline for every API request. Statement, lock and connect timeouts bound a database that
 * answers slowly, and db/transaction-gate.ts bounds the wait for a connection; but when the path to
 * the database stalls mid-query (a hung network, a frozen server) nothing fires and the request
 * would hang. Past the deadline the client gets 503 UNAVAILABLE with Retry-After.
 *
 * The work itself is not cancelled and may still commit: a 503 here means "outcome unknown", which
 * is why mutations carry idempotency keys — a retry with the same key returns the first answer.
 */
import 'server-only';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

// Bulk roster imports (up to 20,000 rows in one transaction) legitimately run longer.
const LONG_RUNNING = [/^\/api\/v1\/intake\/rosters(\/|$)/];
const LONG_RUNNING_FACTOR = 6;

export function requestDeadlineMs(request: Request): number {
  const base = env().REQUEST_TIMEOUT_MS;
  const path = new URL(request.url).pathname;
  return LONG_RUNNING.some((re) => re.test(path)) ? base * LONG_RUNNING_FACTOR : base;
}

export function withRequestDeadline<T>(request: Request, work: () => Promise<T>): Promise<T> {
  return withDeadline(requestDeadlineMs(request), work);
}

/**
 * The deadline of a page's session read (lib/auth/current.ts): a stalled page shows /unavailable.
 * That read is one statement, so it can never legitimately outlast the statement timeout: bounding it
 * by that (5 s by default) shows the page within 5 s of a stall, whatever the API's backstop is.
 */
export function pageDeadlineMs(): number {
  const e = env();
  return Math.min(e.REQUEST_TIMEOUT_MS, e.DB_STATEMENT_TIMEOUT_MS);
}

export async function withDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError('UNAVAILABLE', 'The database did not answer in time. Try again shortly.', {
            es: 'La base de datos no respondió a tiempo. Inténtelo de nuevo en un momento.',
            retryAfterSeconds: 5,
          }),
        ),
      ms,
    );
  });
  const running = work();
  // The abandoned work may still fail later; that must not become an unhandled rejection.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}
