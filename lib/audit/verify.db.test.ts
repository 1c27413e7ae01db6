import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditEvents } from '@/db/schema';
import { createPort } from '@/db/testing/factories';
import { ownerDb } from '@/db/testing/owner';
import { auditChainFor, recordAudit, type AuditActor } from './record';
import { verifyAuditChains } from './verify';

const ACTOR: AuditActor = { userId: null, role: null, label: 'verify test' };

/** n events about one target: they share one chain, in order. */
async function writeEvents(portId: number, n: number): Promise<number[]> {
  const db = await getDb();
  for (let i = 0; i < n; i++) {
    await db.transaction((tx) =>
      recordAudit(tx, ACTOR, { action: `test.event_${i}`, targetType: 'test', targetId: 'one-target', portId, before: { i }, after: { i: i + 1, note: 'a\nb' } }),
    );
  }
  const rows = await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.portId, portId)).orderBy(asc(auditEvents.id));
  return rows.map((r) => r.id);
}

/** Tampering needs owner rights and the append-only trigger off: only inside this transaction, re-enabled before commit. */
async function tamper(statements: string[]): Promise<void> {
  const db = await ownerDb();
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw('alter table audit_events disable trigger audit_events_no_update_delete'));
    for (const s of statements) await tx.execute(sql.raw(s));
    await tx.execute(sql.raw('alter table audit_events enable trigger audit_events_no_update_delete'));
  });
}

describe('audit chain verifier on the database', () => {
  it('passes an intact chain, paging in small batches', async () => {
    const port = await createPort();
    await writeEvents(port.id, 7);
    const report = await verifyAuditChains(await getDb(), { portIds: [port.id], batchSize: 3 });
    expect(report).toMatchObject({ intact: true, eventsChecked: 7, firstBreak: null });
  });

  it('catches an edited event', async () => {
    const port = await createPort();
    const ids = await writeEvents(port.id, 6);
    await tamper([`update audit_events set reason = 'rewritten' where id = ${ids[2]}`]);
    const report = await verifyAuditChains(await getDb(), { portIds: [port.id], batchSize: 4 });
    expect(report.firstBreak).toMatchObject({ eventId: ids[2], kind: 'edited', portId: port.id });
  });

  it('catches an edited jsonb value', async () => {
    const port = await createPort();
    const ids = await writeEvents(port.id, 4);
    await tamper([`update audit_events set after = '{"i": 99, "note": "a\\nb"}'::jsonb where id = ${ids[1]}`]);
    expect((await verifyAuditChains(await getDb(), { portIds: [port.id] })).firstBreak).toMatchObject({ eventId: ids[1], kind: 'edited' });
  });

  it('catches a deleted event', async () => {
    const port = await createPort();
    const ids = await writeEvents(port.id, 6);
    await tamper([`delete from audit_events where id = ${ids[3]}`]);
    const report = await verifyAuditChains(await getDb(), { portIds: [port.id] });
    expect(report.firstBreak).toMatchObject({ eventId: ids[4], kind: 'broken_link' });
    expect(report.eventsChecked).toBe(5);
  });

  it('catches reordered events (two ids swapped)', async () => {
    const port = await createPort();
    const ids = await writeEvents(port.id, 6);
    const [a, b] = [ids[1]!, ids[2]!];
    await tamper([
      `update audit_events set id = -${a} where id = ${a}`,
      `update audit_events set id = ${a} where id = ${b}`,
      `update audit_events set id = ${b} where id = -${a}`,
    ]);
    const report = await verifyAuditChains(await getDb(), { portIds: [port.id] });
    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({ eventId: a, kind: 'broken_link' });
  });

  it('64 concurrent writers on two ports spread over several chains per port, all intact', async () => {
    const db = await getDb();
    const [p1, p2] = [await createPort(), await createPort()];
    await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        db.transaction(async (tx) => {
          await recordAudit(tx, ACTOR, { action: 'test.concurrent', targetType: 'test', targetId: String(i), portId: i % 2 ? p1.id : p2.id, after: { i } });
          // Hold the transaction open a moment so writers really overlap.
          await tx.execute(sql`select pg_sleep(0.005)`);
        }),
      ),
    );
    const report = await verifyAuditChains(db, { portIds: [p1.id, p2.id], batchSize: 10 });
    expect(report.intact).toBe(true);
    for (const p of [p1, p2]) {
      const chains = report.chains.filter((c) => c.portId === p.id);
      expect(chains.reduce((n, c) => n + c.events, 0)).toBe(32);
      // Distinct targets spread over the port's chains, so concurrent writers rarely wait on one lock.
      expect(chains.length).toBeGreaterThan(4);
      // No fork: within each chain, every event links to a distinct predecessor.
      const rows = await db
        .select({ chain: auditEvents.chain, prev: auditEvents.prevHash, targetId: auditEvents.targetId })
        .from(auditEvents)
        .where(eq(auditEvents.portId, p.id));
      expect(new Set(rows.map((r) => `${r.chain}:${r.prev}`)).size).toBe(32);
      for (const row of rows) expect(row.chain).toBe(auditChainFor(row.targetId));
    }
  });
});
