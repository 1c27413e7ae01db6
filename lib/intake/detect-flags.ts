/**
 * Hoarding and duplicate detection, run inside the booking or import transaction for the
 * appointments it wrote. A match flags both sides (each links to the other); flags only ask a
 * supervisor to look, nothing is cancelled.
 *
 * - multiple_bookings: the same person (the same folded name + date of birth + nationality, or the
 *   same document) holds or held within 30 days an active appointment at another port or date.
 * - identity_match: a different identity key, but the same date of birth and nationality and the same
 *   name once folded (accents, case) and with given and family names in any order.
 * - repeated_reference: the same external reference, or the same document number under another name.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/client';

export const FLAG_WINDOW_DAYS = 30;

/** Sorted folded name words of alias x (search_key is the folded "given family"). */
const tokens = (x: string) =>
  sql.raw(`(select string_agg(t, ' ' order by t) from regexp_split_to_table(${x}.search_key, '[[:space:]-]+') t where t <> '')`);

/**
 * Serialises concurrent writers about the same person (same identity, or same date of birth and
 * nationality for fuzzy matches) so neither misses the other's uncommitted row. Keys are taken in
 * ascending order so two transactions never wait on each other in a cycle.
 */
export async function lockPeople(
  tx: DbOrTx,
  people: Array<{ identityKey: string; documentKey?: string | null; dateOfBirth: string; nationality: string }>,
): Promise<void> {
  const keys = new Set<string>();
  for (const p of people) {
    keys.add(`id:${p.identityKey}`);
    if (p.documentKey) keys.add(`doc:${p.documentKey}`);
    keys.add(`dn:${p.dateOfBirth}|${p.nationality}`);
  }
  if (keys.size === 0) return;
  const list = [...keys];
  await tx.execute(sql`select pg_advisory_xact_lock(7302, h) from (
    select distinct hashtext(k) as h from unnest(${sql`array[${sql.join(list.map((k) => sql`${k}`), sql`, `)}]::text[]`}) k order by 1) s`);
}

export async function detectFlags(tx: DbOrTx, appointmentIds: string[]): Promise<number> {
  if (appointmentIds.length === 0) return 0;
  const ids = sql`array[${sql.join(appointmentIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  const w = sql.raw(String(FLAG_WINDOW_DAYS));
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`with src as (
        select * from appointments where id = any(${ids}) and status <> 'cancelled'),
      matches as (
        select s.id as a_id, b.id as b_id, 'multiple_bookings'::appointment_flag_kind as kind
        from src s join appointments b on (b.identity_key = s.identity_key or b.document_key = s.document_key)
          and b.service_date between s.service_date - ${w} and s.service_date + ${w}
        where (s.identity_key is not null or s.document_key is not null) and b.id <> s.id and b.status <> 'cancelled'
          and (b.port_id <> s.port_id or b.service_date <> s.service_date)
        union
        select s.id, b.id, 'identity_match'::appointment_flag_kind
        from src s join appointments b on b.date_of_birth = s.date_of_birth and b.nationality = s.nationality
        where b.id <> s.id and b.status <> 'cancelled'
          and b.service_date between s.service_date - ${w} and s.service_date + ${w}
          and b.identity_key is distinct from s.identity_key
          and ${tokens('b')} = ${tokens('s')}
        union
        select s.id, b.id, 'repeated_reference'::appointment_flag_kind
        from src s join appointments b on b.external_ref = s.external_ref
        where s.external_ref is not null and b.id <> s.id and b.status <> 'cancelled'
          and b.service_date between s.service_date - ${w} and s.service_date + ${w}
        union
        select s.id, b.id, 'repeated_reference'::appointment_flag_kind
        from src s join appointments b on b.document_key = s.document_key
        where s.document_key is not null and b.id <> s.id and b.status <> 'cancelled'
          and b.service_date between s.service_date - ${w} and s.service_date + ${w}
          and ${tokens('b')} <> ${tokens('s')}),
      pairs as (select a_id, b_id, kind from matches union select b_id, a_id, kind from matches),
      grouped as (select a_id, kind, array_agg(b_id order by b_id) as ids from pairs group by 1, 2),
      upserted as (
        insert into appointment_flags (appointment_id, kind, linked_appointment_ids)
        select a_id, kind, ids from grouped
        on conflict (appointment_id, kind) do update set
          linked_appointment_ids = (select array_agg(distinct x order by x) from unnest(appointment_flags.linked_appointment_ids || excluded.linked_appointment_ids) x),
          -- A new link reopens a reviewed flag: the supervisor decided about other appointments.
          status = case when excluded.linked_appointment_ids <@ appointment_flags.linked_appointment_ids then appointment_flags.status else 'open' end,
          reviewed_at = case when excluded.linked_appointment_ids <@ appointment_flags.linked_appointment_ids then appointment_flags.reviewed_at end,
          reviewed_by = case when excluded.linked_appointment_ids <@ appointment_flags.linked_appointment_ids then appointment_flags.reviewed_by end,
          reason = case when excluded.linked_appointment_ids <@ appointment_flags.linked_appointment_ids then appointment_flags.reason end
        returning 1)
      select count(*)::int as n from upserted`,
  );
  return rows[0]?.n ?? 0;
}
