/**
 * Roster export as CSV, in the import's own format so an exported file can be imported again.
 * Spreadsheet-safe through lib/csv.ts (a cell starting with = + - @, tab or CR gets a leading
 * apostrophe); the importer removes exactly that apostrophe again.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { assertCanAtPort } from '@/lib/auth/guard';
import type { Role } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { portToday, toPortIso } from '@/lib/time';
import { toCsv } from '@/lib/csv';
import { CSV_COLUMNS } from './roster-file';

export const EXPORT_COLUMNS = [...CSV_COLUMNS, 'external_ref', 'status'] as const;

export async function exportRosterCsv(actor: { role: Role; portId: number | null }, slug: string, date?: string): Promise<string> {
  const db = await getDb();
  const [port] = await queryRows<{ id: number; slug: string; time_zone: string }>(db, sql`select id, slug, time_zone from ports where slug = ${slug}`);
  if (!port) throw new AppError('NOT_FOUND', `No port "${slug}".`, { es: `No existe el puerto «${slug}».` });
  assertCanAtPort(actor, 'roster.read', port.id);
  const day = date ?? portToday(port.time_zone);
  const rows = await queryRows<Record<string, string | number | null> & { scheduled_at: Date | string }>(
    db,
    sql`select confirmation_code, scheduled_at, party_size, family_name, given_name, date_of_birth::text, nationality, language,
          document_number, external_ref, status::text
        from appointments where port_id = ${port.id} and service_date = ${day}::date order by scheduled_at, confirmation_code`,
  );
  const lines: string[][] = [[...EXPORT_COLUMNS]];
  for (const r of rows) {
    const values: Record<string, string> = {
      port: port.slug,
      confirmation_code: String(r.confirmation_code),
      scheduled_at: toPortIso(new Date(r.scheduled_at), port.time_zone),
      party_size: String(r.party_size),
      family_name: String(r.family_name),
      given_name: String(r.given_name),
      date_of_birth: String(r.date_of_birth),
      nationality: String(r.nationality),
      language: String(r.language),
      document_number: r.document_number === null ? '' : String(r.document_number),
      external_ref: r.external_ref === null ? '' : String(r.external_ref),
      status: String(r.status),
    };
    lines.push(EXPORT_COLUMNS.map((c) => values[c] ?? ''));
  }
  return toCsv(lines);
}
