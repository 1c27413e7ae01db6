/**
 * The writer spells an event's canonical form in JavaScript (lib/audit/hash.ts), the verifier has
 * PostgreSQL spell it (lib/audit/verify.ts CANONICAL_SQL). Hostile strings must come out the same,
 * or honest events would look edited.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { createPort, createUser } from '@/lib/testing/factories';
import { recordAudit } from './record';
import { CANONICAL_SQL, verifyAuditChains } from './verify';

const HOSTILE = [
  'plain',
  'quote " backslash \\ slash / </script>',
  'controls \u0001\u0007\b\f\n\r\t\u000b\u001f\u007f',
  'line separators \u2028\u2029',
  'José Peña Núñez (NFC) / Jose\u0301 Pen\u0303a (NFD)',
  'zero\u200bwidth\u200d joiner \ufeff bom',
  'ｆｕｌｌｗｉｄｔｈ and Cyrillic а homoglyph',
  'emoji 🛂👨‍👩‍👧 and astral 𝔘',
  '{"looks":"like json"}',
  'null',
];

describe('canonical form: JavaScript and PostgreSQL agree', () => {
  it.each(HOSTILE)('%j', async (text) => {
    const db = await getDb();
    const port = await createPort();
    const user = await createUser('officer', port.id);
    await db.transaction((tx) =>
      recordAudit(tx, { userId: user.id, role: 'officer', label: text, requestId: text }, {
        action: `test.${text}`,
        targetType: text,
        targetId: text,
        portId: port.id,
        before: { [text]: text, n: [1, 0.1, -2.5e-7, 1e21, 12345678901234567890], nested: { z: null, a: true } },
        after: [text, { b: 1, a: 2 }],
        reason: text,
      }),
    );
    const report = await verifyAuditChains(db, { portIds: [port.id] });
    if (!report.intact) {
      const [row] = await queryRows<{ canonical: string }>(db, sql`select ${CANONICAL_SQL} as canonical from audit_events where port_id = ${port.id}`);
      expect(row?.canonical).toBe('(see the writer)');
    }
    expect(report).toMatchObject({ intact: true, eventsChecked: 1 });
    const [stored] = await db.select({ label: auditEvents.actorLabel }).from(auditEvents).where(eq(auditEvents.portId, port.id));
    expect(stored?.label).toBe(text);
  });
});
