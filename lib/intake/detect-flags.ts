/**
 * Hoarding and duplicate detection, run inside the booking or import transaction for the
 * appointments it wrote. A match flags both sides (each links to the other); flags only ask a
 * supervisor to look, nothing is cancelled.
 *
 * - multiple_bookings: the same person (the same folded name + date of birth + nationality, or the
 *   same document) holds or held within 30 days an active appointment at another port or date.
 * - identity_match: a near match (lib/identity/near-match.ts): a different identity key, the same
 *   nationality, names swapped or with a given or second family name dropped, and/or a date of birth
 *   a day off or with day and month swapped. The reasons are stored with the flag.
 * - repeated_reference: the same external reference, or the same document number under another name.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/client';
import { nearMatch } from '@/lib/identity/near-match';

export const FLAG_WINDOW_DAYS = 30;

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

interface PersonRow {
  id: string;
  family_name: string;
  given_name: string;
  date_of_birth: string;
  nationality: string;
}

/** Near matches of the written appointments, decided by the pure rule over candidates SQL narrows down. */
async function nearMatches(tx: DbOrTx, ids: SQL, w: SQL): Promise<Array<{ a: string; b: string; reason: string }>> {
  const rows = await queryRows<PersonRow & { s_id: string }>(
    tx,
    sql`with src as (select * from appointments where id = any(${ids}) and status <> 'cancelled')
      select s.id as s_id, b.id, b.family_name, b.given_name, b.date_of_birth::text, b.nationality
      from src s join appointments b on b.nationality = s.nationality
        and (b.date_of_birth between s.date_of_birth - 1 and s.date_of_birth + 1
          or b.date_of_birth = case when extract(day from s.date_of_birth) <= 12 then make_date(extract(year from s.date_of_birth)::int,
               extract(day from s.date_of_birth)::int, extract(month from s.date_of_birth)::int) end)
      where b.id <> s.id and b.status <> 'cancelled'
        and b.service_date between s.service_date - ${w} and s.service_date + ${w}
        and b.identity_key is distinct from s.identity_key`,
  );
  if (rows.length === 0) return [];
  const src = await queryRows<PersonRow>(
    tx,
    sql`select id, family_name, given_name, date_of_birth::text, nationality from appointments where id = any(${ids})`,
  );
  const byId = new Map(src.map((r) => [r.id, r]));
  const person = (r: PersonRow) => ({ familyName: r.family_name, givenName: r.given_name, dateOfBirth: r.date_of_birth, nationality: r.nationality });
  const out: Array<{ a: string; b: string; reason: string }> = [];
  for (const r of rows) {
    const s = byId.get(r.s_id);
    if (!s) continue;
    for (const reason of nearMatch(person(s), person(r))) out.push({ a: s.id, b: r.id, reason });
  }
  return out;
}

export async function detectFlags(tx: DbOrTx, appointmentIds: string[]): Promise<number> {
  if (appointmentIds.length === 0) return 0;
  const ids = sql`array[${sql.join(appointmentIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  const w = sql.raw(String(FLAG_WINDOW_DAYS));
  const near = await nearMatches(tx, ids, w);
  const nearSql = near.length
    ? sql`union select v.a, v.b, 'identity_match'::appointment_flag_kind, v.reason from (values ${sql.join(
        near.map((n) => sql`(${n.a}::uuid, ${n.b}::uuid, ${n.reason}::text)`),
        sql`, `,
      )}) v(a, b, reason)`
    : sql``;
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`with src as (
        select * from appointments where id = any(${ids}) and status <> 'cancelled'),
      matches as (
        select s.id as a_id, b.id as b_id, 'multiple_bookings'::appointment_flag_kind as kind, 'same_person' as reason
        from src s join appointments b on (b.identity_key = s.identity_key or b.document_key = s.document_key)
          and b.service_date between s.service_date - ${w} and s.service_date + ${w}
        where (s.identity_key is not null or s.document_key is not null) and b.id <> s.id and b.status <> 'cancelled'
          and (b.port_id <> s.port_id or b.service_date <> s.service_date)
        union
        select s.id, b.id, 'repeated_reference'::appointment_flag_kind, 'same_external_ref'
        from src s join appointments b on b.external_ref = s.external_ref
        where s.external_ref is not null and b.id <> s.id and b.status <> 'cancelled'
          and b.service_date between s.service_date - ${w} and s.service_date + ${w}
        union
        select s.id, b.id, 'repeated_reference'::appointment_flag_kind, 'document_other_name'
        from src s join appointments b on b.document_key = s.document_key
        where s.document_key is not null and b.id <> s.id and b.status <> 'cancelled'
          and b.service_date between s.service_date - ${w} and s.service_date + ${w}
          and b.identity_key is distinct from s.identity_key
        ${nearSql}),
      pairs as (select a_id, b_id, kind, reason from matches union select b_id, a_id, kind, reason from matches),
      grouped as (select a_id, kind, array_agg(distinct b_id order by b_id) as ids, array_agg(distinct reason order by reason) as reasons from pairs group by 1, 2),
      upserted as (
        insert into appointment_flags (appointment_id, kind, linked_appointment_ids, match_reasons)
        select a_id, kind, ids, reasons from grouped
        on conflict (appointment_id, kind) do update set
          linked_appointment_ids = (select array_agg(distinct x order by x) from unnest(appointment_flags.linked_appointment_ids || excluded.linked_appointment_ids) x),
          match_reasons = (select array_agg(distinct x order by x) from unnest(coalesce(appointment_flags.match_reasons, '{}') || excluded.match_reasons) x),
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
