/**
 * Upgrade step for events written before the chain was keyed (issue 13): checks each old row
 * against the old unkeyed hash and link, and only if the old chain is intact re-signs it with the
 * HMAC key, so an upgrade never launders earlier tampering. Runs after the SQL migrations, with
 * owner rights (the append-only trigger is off only inside this one transaction).
 */
import 'server-only';
import { asc, getTableColumns, gt, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { eventHmac, legacyEventHash, type HashableEvent } from './hash';
import type { AuditKeyring } from './keys';

const BATCH = 5_000;

/** The signed spellings of the instant and the jsonb values, as the verifier reads them (lib/audit/verify.ts). */
const SIGNED_TEXT = {
  atText: sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  beforeText: sql<string | null>`${auditEvents.before}::text`,
  afterText: sql<string | null>`${auditEvents.after}::text`,
};

type Row = typeof auditEvents.$inferSelect & { atText: string; beforeText: string | null; afterText: string | null };

function signed(row: Row, keyId: string, prevHash: string | null): HashableEvent {
  return { ...row, at: row.atText, before: row.beforeText, after: row.afterText, keyId, prevHash };
}

export async function rechainLegacyAuditEvents(db: Db, keyring: () => AuditKeyring): Promise<number> {
  const [pending] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from audit_events where key_id is null`);
  if (Number(pending?.n ?? 0) === 0) return 0;
  const ring = keyring();
  const key = ring.current;
  let rewritten = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
    // Per chain: the old hash of the previous row (to check old links) and its new hash (to link to).
    const chains = new Map<string, { oldLast: string | null; newLast: string | null; dirty: boolean }>();
    let lastId = 0;
    for (;;) {
      const rows = await tx
        .select({ ...getTableColumns(auditEvents), ...SIGNED_TEXT })
        .from(auditEvents)
        .where(gt(auditEvents.id, lastId))
        .orderBy(asc(auditEvents.id))
        .limit(BATCH);
      if (rows.length === 0) break;
      lastId = rows[rows.length - 1]!.id;
      const updates: { id: number; prev: string | null; hash: string }[] = [];
      for (const row of rows) {
        const k = `${row.portId ?? 'g'}:${row.chain}`;
        const state = chains.get(k) ?? { oldLast: null, newLast: null, dirty: false };
        chains.set(k, state);
        if (row.keyId === null) {
          if (row.prevHash !== state.oldLast || row.hash !== legacyEventHash(row.prevHash, row)) {
            throw new Error(`audit event ${row.id} fails the old (unkeyed) check: refusing to re-sign a chain that was already tampered with. Investigate it (npm run audit:verify lists it) before upgrading.`);
          }
          state.dirty = true;
        } else {
          const signer = ring.byId.get(row.keyId);
          if (!signer || row.hash !== eventHmac(signer.secret, signed(row, row.keyId, row.prevHash)) || row.prevHash !== state.oldLast) {
            throw new Error(`audit event ${row.id} fails its keyed check: refusing to re-chain`);
          }
        }
        state.oldLast = row.hash;
        if (state.dirty) {
          const hash = eventHmac(key.secret, signed(row, key.id, state.newLast));
          updates.push({ id: row.id, prev: state.newLast, hash });
          state.newLast = hash;
        } else {
          state.newLast = row.hash;
        }
      }
      if (updates.length > 0) {
        await tx.execute(sql`update audit_events a set prev_hash = v.prev, hash = v.hash, key_id = ${key.id}
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(id bigint, prev text, hash text) where a.id = v.id`);
        rewritten += updates.length;
      }
    }
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
  });
  return rewritten;
}
