/**
 * The one idempotency module. A retried request (after a dropped connection, a kiosk's offline
 * replay, an intake client's retry) with the same key gets the first answer instead of acting twice.
 * Records live in PostgreSQL (idempotency_records), so a retry that reaches another app instance is
 * recognised too. Every verb claims its key inside its own transaction and stores its answer before
 * commit; a refused request rolls back and its key is free again, so a retry is judged afresh.
 * A hot path may look the record up inside a statement of its own (storedRowSql), as booking does
 * with its rate-limit count, and claim only when nothing complete was stored.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@/db/client';
import { AppError } from '@/lib/errors';

/** The answer given the first time, byte for byte. */
export interface StoredResponse {
  status: number;
  body: string;
}

/** A record as storedRowSql selects it (all null when there is none). */
export interface StoredRow {
  request_hash: string | null;
  response_status: number | null;
  response_body: string | null;
}

/** What makes two requests the same request: a retry must send exactly the same parts. */
export function requestHash(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The record of (scope, key), for a CTE of a statement that does other work in the same round trip. */
export function storedRowSql(scope: string, key: string): SQL {
  return sql`select request_hash, response_status, response_body from idempotency_records where scope = ${scope} and key = ${key}`;
}

function mismatch(): AppError {
  return new AppError('IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was already used for a different request.', {
    es: 'Esta Idempotency-Key ya se usó para otra solicitud.',
  });
}

/**
 * A complete stored answer for this request, or null (no record yet, or its transaction has not
 * committed an answer). Another request under the same key is refused (422).
 */
export function completedReplay(row: StoredRow | undefined, hash: string): StoredResponse | null {
  if (!row || row.request_hash === null || row.response_status === null || row.response_body === null) return null;
  if (row.request_hash !== hash) throw mismatch();
  return { status: row.response_status, body: row.response_body };
}

/**
 * Claims `key` in `scope` inside the caller's transaction. Null when this request is the first
 * (then act and storeResponse); else the stored answer of the earlier identical request. A concurrent
 * twin waits on the record's primary key until the first commits, then gets its answer.
 */
export async function claimResponse(tx: DbOrTx, scope: string, key: string, hash: string): Promise<StoredResponse | null> {
  const claimed = await queryRows(
    tx,
    sql`insert into idempotency_records (scope, key, request_hash) values (${scope}, ${key}, ${hash}) on conflict do nothing returning 1`,
  );
  if (claimed.length > 0) return null;
  const [row] = await queryRows<StoredRow>(tx, storedRowSql(scope, key));
  const stored = completedReplay(row, hash);
  if (stored) return stored;
  if (row && row.request_hash !== hash) throw mismatch();
  throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still in progress. Retry shortly.', {
    es: 'Una solicitud con esta Idempotency-Key sigue en curso. Reinténtelo en un momento.',
    retryAfterSeconds: 1,
  });
}

/** Stores the answer in the caller's transaction: committed with the change, or rolled back with it. */
export async function storeResponse(tx: DbOrTx, scope: string, key: string, response: StoredResponse): Promise<void> {
  await tx.execute(
    sql`update idempotency_records set response_status = ${response.status}, response_body = ${response.body}
        where scope = ${scope} and key = ${key}`,
  );
}

/** claimResponse for verbs whose answer is a JSON value: the earlier answer, parsed, or null. */
export async function claimKey<T>(tx: DbOrTx, scope: string, key: string, hash: string): Promise<T | null> {
  const stored = await claimResponse(tx, scope, key, hash);
  return stored ? (JSON.parse(stored.body) as T) : null;
}

/** storeResponse of a JSON value. */
export async function storeResult(tx: DbOrTx, scope: string, key: string, status: number, result: unknown): Promise<void> {
  await storeResponse(tx, scope, key, { status, body: JSON.stringify(result) });
}
