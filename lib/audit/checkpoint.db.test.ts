/** Scheduled checkpoints: decided in the database, so concurrent instances write one, and the table is append-only for the app. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { auditCheckpoints } from '@/db/schema';
import { createPort } from '@/lib/testing/factories';
import { checkpointSchedule, installationId, writeCheckpointIfDue } from './checkpoint';
import { openCheckpoint } from './checkpoint-file';
import { auditKeyring } from './keys';
import { SYSTEM_ACTOR } from './actor';
import { recordAudit } from './record';

describe('scheduled audit checkpoints', () => {
  it('writes one when due, whatever the number of concurrent callers, then waits for the interval', async () => {
    const db = await getDb();
    const port = await createPort();
    await db.transaction((tx) => recordAudit(tx, SYSTEM_ACTOR, { action: 'test.scheduled', targetType: 'test', portId: port.id }));
    const before = (await db.select().from(auditCheckpoints)).length;
    const written = await Promise.all(Array.from({ length: 6 }, () => writeCheckpointIfDue(db, auditKeyring(), 60)));
    expect(written.filter(Boolean)).toHaveLength(1);
    expect((await db.select().from(auditCheckpoints)).length).toBe(before + 1);
    expect(await writeCheckpointIfDue(db, auditKeyring(), 60)).toBeNull();

    const doc = written.find(Boolean)!;
    // The stored document is the signed file, verbatim.
    const reopened = openCheckpoint(JSON.stringify(doc), auditKeyring(), await installationId(db));
    expect(reopened.chains.some((c) => c.portId === port.id)).toBe(true);
    const schedule = await checkpointSchedule(db, 60);
    expect(schedule.last?.takenAt).toBe(doc.takenAt);
    expect(new Date(schedule.nextDue).getTime()).toBe(new Date(doc.takenAt).getTime() + 60 * 60_000);
    expect(JSON.stringify(await db.execute(sql`select count(*)::int as n from audit_checkpoints`))).toContain(`"n":${before + 1}`);
  });

  it('is not silenced by a row the app role forged with a future time', async () => {
    const db = await getDb();
    await db.insert(auditCheckpoints).values({ takenAt: new Date('2999-01-01T00:00:00Z'), maxEventId: 0, events: 0, keyId: 'forged', document: {} });
    expect(await writeCheckpointIfDue(db, auditKeyring(), 60)).not.toBeNull();
  });
});
