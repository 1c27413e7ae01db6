/** Upgrading a trail written before the keyed chain: re-signed when the old chain is intact, refused when not. */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { auditEvents } from '@/db/schema';
import { createPort } from '@/lib/testing/factories';
import { ownerDb } from '@/lib/testing/owner';
import { legacyEventHash } from './hash';
import { auditKeyring } from './keys';
import { rechainLegacyAuditEvents } from './rechain';
import { verifyAuditChains } from './verify';

/** Rows as the pre-issue-13 writer stored them: unkeyed SHA-256, no key id. */
async function writeLegacy(portId: number, n: number): Promise<void> {
  const owner = await ownerDb();
  let prev: string | null = null;
  for (let i = 0; i < n; i++) {
    const e = { at: new Date(Date.UTC(2025, 0, 1, 0, i)), actorId: null, actorRole: null, portId, action: `legacy.${i}`, targetType: 'test', targetId: null, before: { i }, after: null, reason: null, requestId: null };
    const hash = legacyEventHash(prev, e);
    await owner.insert(auditEvents).values({ ...e, actorLabel: 'old', chain: 0, prevHash: prev, hash });
    prev = hash;
  }
}

describe('re-chaining events from before the keyed chain', () => {
  it('refuses a tampered old chain and changes nothing, then re-signs an intact one', async () => {
    const owner = await ownerDb();
    const port = await createPort();
    await writeLegacy(port.id, 6);
    expect((await verifyAuditChains(await getDb(), { portIds: [port.id] })).firstBreak?.kind).toBe('unknown_key');

    await owner.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger user`);
      await tx.execute(sql`update audit_events set reason = 'rewritten' where port_id = ${port.id} and action = 'legacy.2'`);
      await tx.execute(sql`alter table audit_events enable trigger user`);
    });
    await expect(rechainLegacyAuditEvents(owner, auditKeyring)).rejects.toThrow(/fails the old \(unkeyed\) check/);
    const still = await owner.select({ keyId: auditEvents.keyId }).from(auditEvents).where(eq(auditEvents.portId, port.id));
    expect(still.every((r) => r.keyId === null)).toBe(true);

    await owner.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger user`);
      await tx.execute(sql`update audit_events set reason = null where port_id = ${port.id} and action = 'legacy.2'`);
      await tx.execute(sql`alter table audit_events enable trigger user`);
    });
    expect(await rechainLegacyAuditEvents(owner, auditKeyring)).toBe(6);
    expect(await verifyAuditChains(await getDb(), { portIds: [port.id] })).toMatchObject({ intact: true, eventsChecked: 6 });
    expect(await rechainLegacyAuditEvents(owner, auditKeyring)).toBe(0); // idempotent
  });
});
