/**
 * The booking rules a roster import must pass against what is stored, the same as a single booking
 * (lib/intake/book.ts): a suspended port takes no new appointment, one person holds one active
 * appointment per date (holdsDate's keys), and no port-day or the national day ends above its limit
 * because of this file. Each breach is a row problem naming the rule; the caller refuses the whole file.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@/db/client';
import { limitSql, NATIONAL_CAP_SQL } from './capacity';
import type { CleanRow } from './import-rows';
import type { RowProblem } from './roster-file';

export interface StoredRow {
  code: string;
  portId: number;
  serviceDate: string;
  active: boolean;
}

const textArray = (xs: string[]) => sql`array[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]`;

/** The stored appointments of the file's confirmation codes. */
export async function storedByCode(tx: DbOrTx, rows: CleanRow[]): Promise<Map<string, StoredRow>> {
  const out = new Map<string, StoredRow>();
  for (let i = 0; i < rows.length; i += 2000) {
    const found = await queryRows<{ code: string; port_id: number; service_date: string; active: boolean }>(
      tx,
      sql`select confirmation_code as code, port_id, service_date::text, status <> 'cancelled' as active
          from appointments where confirmation_code = any(${textArray(rows.slice(i, i + 2000).map((r) => r.code))})`,
    );
    for (const f of found) out.set(f.code, { code: f.code, portId: f.port_id, serviceDate: f.service_date, active: f.active });
  }
  return out;
}

/** Rows that would take a slot they do not hold yet: new appointments, or ones moved to another date. */
export function addedRows(rows: CleanRow[], stored: Map<string, StoredRow>): CleanRow[] {
  return rows.filter((r) => {
    const s = stored.get(r.code);
    return !s || (s.active && s.serviceDate !== r.serviceDate);
  });
}

export async function storedConflicts(tx: DbOrTx, rows: CleanRow[], stored: Map<string, StoredRow>): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  const inFile = new Set(rows.map((r) => r.code));
  for (const r of rows) {
    const s = stored.get(r.code);
    if (s && s.portId !== r.portId) problems.push({ row: r.row, column: 'confirmation_code', message: `${r.code} belongs to another port`, rule: 'VALIDATION' });
    // Suspended: existing appointments are honoured (and may be re-sent), new ones are refused.
    if (!s && !r.portActive) problems.push({ row: r.row, column: 'port', message: `${r.portSlug} is suspended and takes no new bookings`, rule: 'PORT_SUSPENDED' });
  }
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const people = await queryRows<{ identity_key: string | null; document_key: string | null; service_date: string; code: string }>(
      tx,
      sql`select identity_key, document_key, service_date::text, confirmation_code as code from appointments
          where (identity_key = any(${textArray(chunk.map((r) => r.identityKey))})
              or document_key = any(${textArray(chunk.map((r) => r.documentKey ?? ''))})) and status <> 'cancelled'`,
    );
    const held = new Map<string, string[]>();
    const hold = (k: string, code: string) => held.set(k, [...(held.get(k) ?? []), code]);
    for (const p of people) {
      if (p.identity_key) hold(`id:${p.identity_key}#${p.service_date}`, p.code);
      if (p.document_key) hold(`doc:${p.document_key}#${p.service_date}`, p.code);
    }
    for (const r of chunk) {
      const mine = [`id:${r.identityKey}#${r.serviceDate}`, ...(r.documentKey ? [`doc:${r.documentKey}#${r.serviceDate}`] : [])];
      // The row's own stored appointment, or one the file itself re-sends, is not another booking.
      const other = mine.flatMap((k) => held.get(k) ?? []).find((code) => code !== r.code && !inFile.has(code));
      if (other) {
        problems.push({ row: r.row, column: 'family_name', message: `this person already holds appointment ${other} on ${r.serviceDate}`, rule: 'DUPLICATE_BOOKING' });
      }
    }
  }
  return problems.sort((a, b) => a.row - b.row);
}

/** Active appointments per port-day and per date before the file is written. */
export async function countsBefore(tx: DbOrTx, rows: CleanRow[]): Promise<{ port: Map<string, number>; national: Map<string, number> }> {
  const dates = [...new Set(rows.map((r) => r.serviceDate))];
  const found = await queryRows<{ port_id: number; service_date: string; n: number }>(
    tx,
    sql`select port_id, service_date::text, count(*)::int as n from appointments
        where service_date = any(${sql`${textArray(dates)}::date[]`}) and status <> 'cancelled' group by 1, 2`,
  );
  const port = new Map<string, number>();
  const national = new Map<string, number>();
  for (const f of found) {
    port.set(`${f.port_id}#${f.service_date}`, f.n);
    national.set(f.service_date, (national.get(f.service_date) ?? 0) + f.n);
  }
  return { port, national };
}

/**
 * After the upsert and recount: every port-day or national day this file raised above its limit is a
 * CAPACITY_FULL problem on each row the file added to it (a day already over its limit before, after
 * a limit was lowered, is not this file's doing as long as the file does not raise it).
 */
export async function capacityProblems(
  tx: DbOrTx,
  added: CleanRow[],
  before: { port: Map<string, number>; national: Map<string, number> },
): Promise<RowProblem[]> {
  if (added.length === 0) return [];
  const pairs = [...new Set(added.map((r) => `${r.portId}#${r.serviceDate}`))].map((k) => {
    const [portId, date] = k.split('#') as [string, string];
    return { portId: Number(portId), date };
  });
  const problems: RowProblem[] = [];
  for (const { portId, date } of pairs) {
    const [row] = await queryRows<{ booked: number; lim: number; national: number; cap: number }>(
      tx,
      sql`select coalesce((select booked from daily_bookings where port_id = ${portId} and service_date = ${date}::date), 0) as booked,
            ${limitSql(portId, date)} as lim,
            coalesce((select booked from national_daily_bookings where service_date = ${date}::date), 0) as national,
            ${NATIONAL_CAP_SQL} as cap`,
    );
    if (!row) continue;
    const mine = added.filter((r) => r.portId === portId && r.serviceDate === date);
    const was = before.port.get(`${portId}#${date}`) ?? 0;
    if (row.booked > row.lim && row.booked > was) {
      const left = Math.max(0, row.lim - was);
      for (const r of mine) {
        problems.push({ row: r.row, column: 'scheduled_at', message: `${left} slot${left === 1 ? '' : 's'} left on ${date} at ${r.portSlug}; the file adds ${mine.length}`, rule: 'CAPACITY_FULL' });
      }
      continue;
    }
    const wasNational = before.national.get(date) ?? 0;
    if (row.national > row.cap && row.national > wasNational) {
      for (const r of mine) {
        problems.push({ row: r.row, column: 'scheduled_at', message: `the national daily cap of ${row.cap} for ${date} would be exceeded`, rule: 'NATIONAL_CAP_EXCEEDED' });
      }
    }
  }
  return problems.sort((a, b) => a.row - b.row);
}
