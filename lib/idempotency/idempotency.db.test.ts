import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors';
import { uid } from '@/lib/testing/factories';
import { claimKey, claimResponse, completedReplay, requestHash, storeResponse } from './index';

const codeOf = (e: unknown) => (isAppError(e) ? e.code : String(e));

describe('idempotency records', () => {
  it('answers a retry with the first answer, byte for byte, and refuses the key for another request', async () => {
    const db = await getDb();
    const scope = `test:${uid()}`;
    const hash = requestHash(['a', 1]);
    const first = await db.transaction(async (tx) => {
      const earlier = await claimResponse(tx, scope, 'k1', hash);
      if (earlier) return earlier;
      const response = { status: 201, body: '{"n": 1}' };
      await storeResponse(tx, scope, 'k1', response);
      return null;
    });
    expect(first).toBeNull();
    expect(await db.transaction((tx) => claimResponse(tx, scope, 'k1', hash))).toEqual({ status: 201, body: '{"n": 1}' });
    expect(await db.transaction((tx) => claimKey(tx, scope, 'k1', hash))).toEqual({ n: 1 });
    const other = await db.transaction((tx) => claimResponse(tx, scope, 'k1', requestHash(['a', 2]))).catch(codeOf);
    expect(other).toBe('IDEMPOTENCY_MISMATCH');
    // The same key in another scope (another officer, another intake key) is another record.
    expect(await db.transaction((tx) => claimResponse(tx, `${scope}:other`, 'k1', hash))).toBeNull();
  });

  it('a refused request rolls its claim back, so the retry is judged afresh', async () => {
    const db = await getDb();
    const scope = `test:${uid()}`;
    const hash = requestHash(['b']);
    const refused = await db
      .transaction(async (tx) => {
        await claimResponse(tx, scope, 'k', hash);
        throw new Error('refused');
      })
      .catch((e: Error) => e.message);
    expect(refused).toBe('refused');
    expect(await db.transaction((tx) => claimResponse(tx, scope, 'k', hash))).toBeNull();
  });

  it('a record without an answer is "in progress" (409), and the fused lookup replays only complete answers', async () => {
    const db = await getDb();
    const scope = `test:${uid()}`;
    const hash = requestHash(['c']);
    await db.transaction((tx) => claimResponse(tx, scope, 'k', hash)); // committed without storing an answer
    expect(await db.transaction((tx) => claimResponse(tx, scope, 'k', hash)).catch(codeOf)).toBe('CONFLICT');
    expect(completedReplay({ request_hash: hash, response_status: null, response_body: null }, hash)).toBeNull();
    expect(completedReplay(undefined, hash)).toBeNull();
    expect(() => completedReplay({ request_hash: 'other', response_status: 200, response_body: '{}' }, hash)).toThrow(/different request/);
  });
});
