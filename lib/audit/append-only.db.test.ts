import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { createPort } from '@/lib/testing/factories';
import { recordAudit } from './record';
import { auditEvents } from '@/db/schema';
import { eq } from 'drizzle-orm';

describe('audit trail', () => {
  it('refuses UPDATE and DELETE in the database itself', async () => {
    const db = await getDb();
    const port = await createPort();
    await db.transaction((tx) => recordAudit(tx, { userId: null, role: null, label: 'test' }, { action: 'test.event', targetType: 'test', portId: port.id }));
    await expect(db.update(auditEvents).set({ reason: 'edited' }).where(eq(auditEvents.portId, port.id))).rejects.toThrow();
    await expect(db.delete(auditEvents).where(eq(auditEvents.portId, port.id))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.portId, port.id));
    expect(rows).toHaveLength(1);
  });

  it('links each event of a port to the previous one', async () => {
    const db = await getDb();
    const port = await createPort();
    for (let i = 0; i < 3; i++) {
      await db.transaction((tx) => recordAudit(tx, { userId: null, role: null, label: 'test' }, { action: `test.${i}`, targetType: 'test', portId: port.id }));
    }
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.portId, port.id)).orderBy(auditEvents.id);
    expect(rows[0]!.prevHash).toBeNull();
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
  });
});
