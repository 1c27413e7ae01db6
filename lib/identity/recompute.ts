/**
 * The data step after the SQL migrations: rows whose keys were computed by an older fold (or by
 * none: rows loaded by other means) get them recomputed with lib/identity. SQL cannot run the fold,
 * so `runMigrations` calls this once the schema is current. Idempotent: only rows whose
 * identity_key_version differs are read, in batches, each batch in its own short transaction.
 *
 * Two active rows that the new fold calls one person on one date (a hoard that slipped past the old
 * key) cannot both keep the key the unique index guards: the later one keeps its key with a "~id"
 * suffix and both are flagged multiple_bookings for a supervisor. Nothing is cancelled or deleted.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { IDENTITY_KEY_VERSION, personKeys } from './keys';

const BATCH = 1000;

interface Row {
  id: string;
  family_name: string;
  given_name: string;
  date_of_birth: string;
  nationality: string;
  document_number: string | null;
  service_date: string;
  active: boolean;
}

export async function recomputeIdentityKeys(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await queryRows<Row>(
        tx,
        sql`select id, family_name, given_name, date_of_birth::text, nationality, document_number, service_date::text,
              status <> 'cancelled' as active
            from appointments where identity_key_version is distinct from ${IDENTITY_KEY_VERSION}
            order by created_at, id limit ${BATCH} for update skip locked`,
      );
      if (rows.length === 0) return 0;
      const computed = rows.map((r) => ({
        row: r,
        keys: personKeys({ familyName: r.family_name, givenName: r.given_name, dateOfBirth: r.date_of_birth, nationality: r.nationality, documentNumber: r.document_number }),
      }));
      // Old keys of this batch would collide with new ones mid-update: clear them first.
      const ids = sql`array[${sql.join(rows.map((r) => sql`${r.id}`), sql`, `)}]::uuid[]`;
      await tx.execute(sql`update appointments set identity_key = null where id = any(${ids})`);
      const keys = sql`array[${sql.join(computed.map((c) => sql`${c.keys.identityKey}`), sql`, `)}]::text[]`;
      const held = await queryRows<{ id: string; identity_key: string; service_date: string }>(
        tx,
        sql`select id, identity_key, service_date::text from appointments where identity_key = any(${keys}) and status <> 'cancelled'`,
      );
      const holder = new Map(held.map((h) => [`${h.identity_key}#${h.service_date}`, h.id]));
      const clashes: Array<[string, string]> = [];
      for (const c of computed) {
        const slot = `${c.keys.identityKey}#${c.row.service_date}`;
        const other = c.row.active ? holder.get(slot) : undefined;
        if (other) {
          clashes.push([c.row.id, other]);
          c.keys.identityKey = `${c.keys.identityKey}~${c.row.id}`;
        } else if (c.row.active) holder.set(slot, c.row.id);
      }
      const values = sql.join(
        computed.map((c) => sql`(${c.row.id}::uuid, ${c.keys.identityKey}, ${c.keys.documentKey}, ${c.keys.searchKey})`),
        sql`, `,
      );
      await tx.execute(sql`update appointments a set identity_key = v.ik, document_key = v.dk, search_key = v.sk,
          identity_key_version = ${IDENTITY_KEY_VERSION}
        from (values ${values}) v(id, ik, dk, sk) where a.id = v.id`);
      for (const [a, b] of clashes) {
        await tx.execute(sql`insert into appointment_flags (appointment_id, kind, linked_appointment_ids, match_reasons)
          values (${a}::uuid, 'multiple_bookings', array[${b}::uuid], array['same_identity_after_refold']),
                 (${b}::uuid, 'multiple_bookings', array[${a}::uuid], array['same_identity_after_refold'])
          on conflict (appointment_id, kind) do update set
            linked_appointment_ids = (select array_agg(distinct x order by x) from unnest(appointment_flags.linked_appointment_ids || excluded.linked_appointment_ids) x)`);
      }
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}
