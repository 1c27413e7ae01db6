/**
 * The tamper table (issue 13): with owner rights and the append-only triggers off, each attack on
 * the stored trail is detected by verify with a checkpoint taken before it. Each case works on a
 * port of its own (its own chains), so one file's database serves all; TRUNCATE comes last.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { auditEvents } from '@/db/schema';
import { createPort } from '@/lib/testing/factories';
import { ownerDb } from '@/lib/testing/owner';
import { takeCheckpoint } from './checkpoint';
import { auditKeyring, keyringFrom } from './keys';
import { auditChainFor, recordAudit, type AuditActor } from './record';
import { verifyAuditChains, type CheckpointChain, type VerifyReport } from './verify';

const ACTOR: AuditActor = { userId: null, role: null, label: 'verify test' };
const table: string[] = [];

/** n events about two targets of one port (so two chains), in order; returns their ids. */
async function writeEvents(portId: number, n: number): Promise<number[]> {
  const db = await getDb();
  for (let i = 0; i < n; i++) {
    await db.transaction((tx) =>
      recordAudit(tx, ACTOR, { action: `test.event_${i}`, targetType: 'test', targetId: i % 2 ? 'target-a' : 'target-b', portId, before: { i }, after: { i: i + 1, note: 'a\nb' } }),
    );
  }
  const rows = await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.portId, portId)).orderBy(asc(auditEvents.id));
  return rows.map((r) => r.id);
}

/** As the owner with the append-only triggers off, inside one transaction. */
async function tamper(statements: string[]): Promise<void> {
  const db = await ownerDb();
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw('alter table audit_events disable trigger user'));
    for (const s of statements) await tx.execute(sql.raw(s));
    await tx.execute(sql.raw('alter table audit_events enable trigger user'));
  });
}

async function checkpointOf(portId: number | null): Promise<CheckpointChain[]> {
  const doc = await takeCheckpoint(await getDb(), auditKeyring());
  return portId === null ? doc.chains : doc.chains.filter((c) => c.portId === portId);
}

async function verifyPort(portId: number, checkpoint?: CheckpointChain[]): Promise<VerifyReport> {
  return verifyAuditChains(await getDb(), { portIds: [portId], checkpoint, batchSize: 4 });
}

/** One row of the tamper table: set up a port, checkpoint it, attack it, verify with and without the checkpoint. */
async function attack(name: string, statements: (ids: number[], portId: number) => string[]): Promise<{ withCheckpoint: VerifyReport; linksOnly: VerifyReport; ids: number[] }> {
  const port = await createPort();
  const ids = await writeEvents(port.id, 8);
  const checkpoint = await checkpointOf(port.id);
  expect((await verifyPort(port.id, checkpoint)).intact).toBe(true);
  await tamper(statements(ids, port.id));
  const withCheckpoint = await verifyPort(port.id, checkpoint);
  const linksOnly = await verifyPort(port.id);
  const kinds = withCheckpoint.chains.map((c) => c.firstBreak?.kind).filter(Boolean);
  table.push(`| ${name} | ${withCheckpoint.intact ? 'MISSED' : `detected (${kinds.join(', ')})`} | ${linksOnly.intact ? 'missed' : 'detected'} |`);
  return { withCheckpoint, linksOnly, ids };
}

afterAll(() => {
  console.log(['| attack | verify --checkpoint | verify (links and keys only) |', '|---|---|---|', ...table].join('\n'));
});

describe('audit chain verifier on the database: the tamper table', () => {
  it('passes an intact chain, paging in small batches', async () => {
    const port = await createPort();
    await writeEvents(port.id, 7);
    const report = await verifyAuditChains(await getDb(), { portIds: [port.id], batchSize: 3 });
    expect(report).toMatchObject({ intact: true, eventsChecked: 7, firstBreak: null });
  });

  it('edit a field', async () => {
    const r = await attack('edit a field (reason)', (ids) => [`update audit_events set reason = 'rewritten' where id = ${ids[2]}`]);
    expect(r.withCheckpoint.firstBreak).toMatchObject({ eventId: r.ids[2], kind: 'edited' });
  });

  it('edit a jsonb value', async () => {
    const r = await attack('edit a jsonb value (after)', (ids) => [`update audit_events set after = '{"i": 99, "note": "a\\nb"}'::jsonb where id = ${ids[1]}`]);
    expect(r.withCheckpoint.firstBreak).toMatchObject({ eventId: r.ids[1], kind: 'edited' });
  });

  it('edit actor_label', async () => {
    const r = await attack('edit actor_label', (ids) => [`update audit_events set actor_label = 'someone else' where id = ${ids[3]}`]);
    expect(r.withCheckpoint.firstBreak).toMatchObject({ eventId: r.ids[3], kind: 'edited' });
  });

  it('forged row with any hash, appended after the head (as the runtime role: INSERT is allowed)', async () => {
    const port = await createPort();
    const ids = await writeEvents(port.id, 4);
    const checkpoint = await checkpointOf(port.id);
    const db = await getDb();
    const [head] = await db.select().from(auditEvents).where(eq(auditEvents.id, ids[3]!));
    await db.insert(auditEvents).values({ ...head!, id: undefined, action: 'test.forged', keyId: auditKeyring().current.id, prevHash: head!.hash, hash: 'f'.repeat(64) });
    const report = await verifyPort(port.id, checkpoint);
    expect(report.firstBreak).toMatchObject({ kind: 'edited' });
    table.push(`| forged row with any hash (runtime role) | ${report.intact ? 'MISSED' : 'detected (edited)'} | detected |`);
  });

  it('swap two events', async () => {
    const r = await attack('swap two events (ids)', (ids) => [
      `update audit_events set id = -${ids[2]} where id = ${ids[2]}`,
      `update audit_events set id = ${ids[2]} where id = ${ids[4]}`,
      `update audit_events set id = ${ids[4]} where id = -${ids[2]}`,
    ]);
    expect(r.withCheckpoint.firstBreak).toMatchObject({ eventId: r.ids[2], kind: 'edited' });
  });

  it('cut the last three events', async () => {
    const r = await attack('cut the last three events', (ids) => [`delete from audit_events where id in (${ids.slice(-3).join(',')})`]);
    expect(r.linksOnly.intact).toBe(true); // what a checkpoint adds
    expect(r.withCheckpoint.chains.map((c) => c.firstBreak?.kind)).toEqual(['checkpoint_head_missing', 'checkpoint_head_missing']);
  });

  it('delete one port\'s history', async () => {
    const r = await attack("delete one port's history", (_ids, portId) => [`delete from audit_events where port_id = ${portId}`]);
    expect(r.linksOnly).toMatchObject({ intact: true, eventsChecked: 0 });
    expect(r.withCheckpoint.chains.map((c) => c.firstBreak?.kind)).toEqual(['chain_missing', 'chain_missing']);
  });

  it('an untouched trail that grew after the checkpoint verifies intact; another key fails', async () => {
    const port = await createPort();
    await writeEvents(port.id, 5);
    const checkpoint = await checkpointOf(port.id);
    await writeEvents(port.id, 4);
    const report = await verifyPort(port.id, checkpoint);
    expect(report).toMatchObject({ intact: true, eventsChecked: 9, checkpointChecked: true });
    const other = await verifyAuditChains(await getDb(), { portIds: [port.id], keyring: keyringFrom('another-key-0123456789abcdef-0123456789ab') });
    expect(other.firstBreak).toMatchObject({ kind: 'unknown_key' });
    table.push(`| none (grew after the checkpoint) | intact | intact |`, `| verify with another key | detected (unknown_key) | detected |`);
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
      expect(chains.length).toBeGreaterThan(4);
      const rows = await db.select({ chain: auditEvents.chain, prev: auditEvents.prevHash, targetId: auditEvents.targetId }).from(auditEvents).where(eq(auditEvents.portId, p.id));
      expect(new Set(rows.map((r) => `${r.chain}:${r.prev}`)).size).toBe(32);
      for (const row of rows) expect(row.chain).toBe(auditChainFor(row.targetId));
    }
  });

  it('TRUNCATE (last: it empties the whole table)', async () => {
    const port = await createPort();
    await writeEvents(port.id, 3);
    const checkpoint = await checkpointOf(null);
    await tamper(['truncate audit_events']);
    const withCheckpoint = await verifyAuditChains(await getDb(), { checkpoint });
    const linksOnly = await verifyAuditChains(await getDb());
    expect(linksOnly).toMatchObject({ intact: true, eventsChecked: 0 });
    expect(withCheckpoint.intact).toBe(false);
    expect(withCheckpoint.chains.length).toBe(checkpoint.length);
    expect(withCheckpoint.chains.every((c) => c.firstBreak?.kind === 'chain_missing')).toBe(true);
    table.push(`| TRUNCATE | detected (chain_missing x${checkpoint.length}) | missed |`);
  });
});
