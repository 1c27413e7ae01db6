/**
 * POST /api/v1/intake/rosters: the upstream's authoritative roster. Every row is validated before
 * anything is written (any problem: 400 with the row-by-row report, zero rows written); then one
 * transaction upserts by confirmation code (unchanged rows, and rows already past 'scheduled' at the
 * port, stay untouched and count as unchanged), recounts
 * the slot counters of the dates it touched, flags possible hoarding and writes one audit event per port.
 */
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { queryRows, type DbOrTx } from '@/db/client';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { normaliseConfirmationCode } from '@/lib/roster/confirmation-code';
import { isIsoDate, now, portToday, serviceDate } from '@/lib/time';
import { recountDailyBookings } from './capacity';
import { detectFlags, lockPeople } from './detect-flags';
import { mapUniqueViolation } from './book';
import { IDENTITY_KEY_VERSION, personKeys } from '@/lib/identity/keys';
import { looksLikeFormula, restoreCell } from './rules';
import { isInstantWithOffset } from './schemas';
import { decodeCsv, invalid, jsonRows, parseCsvRows, tooLarge, MAX_IMPORT_BYTES, type RawRow, type RowProblem } from './roster-file';

export type ImportSource = { kind: 'csv'; bytes: Uint8Array } | { kind: 'json'; body: unknown };

export type Importer = { kind: 'key'; keyId: string; name: string } | { kind: 'user'; actor: Actor };

interface CleanRow {
  row: number;
  portId: number;
  portSlug: string;
  code: string;
  scheduledAt: Date;
  serviceDate: string;
  partySize: number;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  nationality: string;
  language: string;
  documentNumber: string | null;
  externalRef: string | null;
  identityKey: string;
  documentKey: string | null;
  searchKey: string;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v));
const CODE = /^[A-Z0-9]{4,16}$/;

function nameProblem(value: string): string | null {
  if (value === '') return 'is required';
  if (value.length > 100) return 'must be at most 100 characters';
  if (looksLikeFormula(value)) return 'looks like a spreadsheet formula';
  return null;
}

type PortInfo = { id: number; slug: string; timeZone: string; active: boolean };

function validateRows(rows: RawRow[], ports: Map<string, PortInfo>, at: Date): { clean: CleanRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const clean: CleanRow[] = [];
  const seenCodes = new Map<string, number>();
  const seenPeople = new Map<string, number>();
  for (const r of rows) {
    const before = problems.length;
    const add = (column: string | null, message: string) => problems.push({ row: r.row, column, message });
    if (r.width !== undefined) add(null, `has ${r.width} fields, unlike the header`);
    const v = r.values;
    const slug = text(v.port).trim();
    const port = ports.get(slug);
    if (!slug) add('port', 'is required');
    else if (!port) add('port', `unknown port "${slug}"`);
    const code = normaliseConfirmationCode(text(v.confirmation_code));
    if (!code) add('confirmation_code', 'is required');
    else if (!CODE.test(code)) add('confirmation_code', 'must be 4-16 letters and digits');
    else if (seenCodes.has(code)) add('confirmation_code', `duplicate of row ${seenCodes.get(code)}`);
    else seenCodes.set(code, r.row);
    const when = text(v.scheduled_at).trim();
    let scheduledAt: Date | null = null;
    if (!when) add('scheduled_at', 'is required');
    else if (!isInstantWithOffset(when)) {
      const datePart = when.slice(0, 10);
      add('scheduled_at', /^\d{4}-\d{2}-\d{2}/.test(when) && !isIsoDate(datePart) ? `"${datePart}" is not a real date` : `"${when}" is not an ISO 8601 time with an offset such as 2026-11-25T09:30:00-08:00 (zone names like PST are not accepted)`);
    } else scheduledAt = new Date(when);
    const partySize = Number(text(v.party_size).trim());
    if (!Number.isInteger(partySize) || partySize < 1 || partySize > 12) add('party_size', 'must be a whole number 1-12');
    const familyName = restoreCell(text(v.family_name).trim());
    const givenName = restoreCell(text(v.given_name).trim());
    const fp = nameProblem(familyName);
    if (fp) add('family_name', fp);
    const gp = nameProblem(givenName);
    if (gp) add('given_name', gp);
    const dob = text(v.date_of_birth).trim();
    if (!isIsoDate(dob)) add('date_of_birth', dob ? `"${dob}" is not a real date (YYYY-MM-DD)` : 'is required');
    else if (dob < '1900-01-01' || dob > at.toISOString().slice(0, 10)) add('date_of_birth', 'must be between 1900 and today');
    const nationality = text(v.nationality).trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(nationality)) add('nationality', 'must be a two-letter country code');
    const language = text(v.language).trim().toLowerCase();
    if (!/^[a-z]{2,3}$/.test(language)) add('language', 'must be a language code such as es or ht');
    const documentNumber = restoreCell(text(v.document_number).trim()) || null;
    if (documentNumber && documentNumber.length > 40) add('document_number', 'must be at most 40 characters');
    const externalRef = text(v.external_ref).trim() || null;
    if (externalRef && externalRef.length > 100) add('external_ref', 'must be at most 100 characters');
    if (problems.length > before || !port || !scheduledAt) continue;
    const date = serviceDate(scheduledAt, port.timeZone);
    if (date < portToday(port.timeZone, at)) {
      add('scheduled_at', `is on ${date}, before today at ${port.slug}`);
      continue;
    }
    const keys = personKeys({ familyName, givenName, dateOfBirth: dob, nationality, documentNumber });
    const personDays = [`id:${keys.identityKey}#${date}`, ...(keys.documentKey ? [`doc:${keys.documentKey}#${date}`] : [])];
    const earlier = personDays.map((k) => seenPeople.get(k)).find((n) => n !== undefined);
    if (earlier !== undefined) {
      add('family_name', `DUPLICATE_BOOKING: the same person already has an appointment that date in row ${earlier}`);
      continue;
    }
    for (const k of personDays) seenPeople.set(k, r.row);
    clean.push({
      row: r.row, portId: port.id, portSlug: port.slug, code, scheduledAt, serviceDate: date, partySize, familyName, givenName,
      dateOfBirth: dob, nationality, language, documentNumber, externalRef, identityKey: keys.identityKey,
      documentKey: keys.documentKey, searchKey: keys.searchKey,
    });
  }
  return { clean, problems };
}

/** Conflicts with what is stored: a code at another port or past 'scheduled', a person booked under another code. */
async function storedConflicts(tx: DbOrTx, rows: CleanRow[]): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const codes = sql`array[${sql.join(chunk.map((r) => sql`${r.code}`), sql`, `)}]::text[]`;
    const existing = await queryRows<{ code: string; port_id: number; status: string }>(
      tx,
      sql`select confirmation_code as code, port_id, status::text from appointments where confirmation_code = any(${codes})`,
    );
    for (const e of existing) {
      const r = byCode.get(e.code)!;
      // Rows past 'scheduled' (arrived, processed, cancelled) are never rewritten: the upsert skips them.
      if (e.port_id !== r.portId) problems.push({ row: r.row, column: 'confirmation_code', message: `${r.code} belongs to another port` });
    }
    const keys = sql`array[${sql.join(chunk.map((r) => sql`${r.identityKey}`), sql`, `)}]::text[]`;
    const docs = sql`array[${sql.join(chunk.map((r) => sql`${r.documentKey ?? ''}`), sql`, `)}]::text[]`;
    const people = await queryRows<{ identity_key: string | null; document_key: string | null; service_date: string; code: string }>(
      tx,
      sql`select identity_key, document_key, service_date::text, confirmation_code as code from appointments
          where (identity_key = any(${keys}) or document_key = any(${docs})) and status <> 'cancelled'`,
    );
    const held = new Map<string, string[]>();
    const hold = (k: string, code: string) => held.set(k, [...(held.get(k) ?? []), code]);
    for (const p of people) {
      if (p.identity_key) hold(`id:${p.identity_key}#${p.service_date}`, p.code);
      if (p.document_key) hold(`doc:${p.document_key}#${p.service_date}`, p.code);
    }
    for (const r of chunk) {
      const mine = [`id:${r.identityKey}#${r.serviceDate}`, ...(r.documentKey ? [`doc:${r.documentKey}#${r.serviceDate}`] : [])];
      // A row moving onto a date its own stored appointment holds is not a duplicate; another code is.
      const other = mine.flatMap((k) => held.get(k) ?? []).find((code) => code !== r.code && !byCode.has(code));
      if (other) problems.push({ row: r.row, column: 'family_name', message: `DUPLICATE_BOOKING: this person already holds appointment ${other} on ${r.serviceDate}` });
    }
  }
  return problems.sort((a, b) => a.row - b.row);
}

function auditActorOf(importer: Importer): AuditActor {
  return importer.kind === 'key'
    ? { userId: null, role: null, label: `intake:${importer.name}` }
    : { userId: importer.actor.userId, role: importer.actor.role, requestId: importer.actor.requestId };
}

/** Route handlers call this before reading the upload, so a caller without the right learns nothing about the file. */
export function assertMayImport(importer: Importer): void {
  if (importer.kind === 'user') assertCan(importer.actor, 'intake.importRoster');
}

export async function importRoster(importer: Importer, source: ImportSource): Promise<{ imported: number; unchanged: number }> {
  assertMayImport(importer);
  let raw: RawRow[];
  if (source.kind === 'csv') raw = parseCsvRows(decodeCsv(source.bytes));
  else {
    const body = source.body as { port?: unknown; appointments?: unknown };
    if (!body || typeof body !== 'object' || typeof body.port !== 'string' || !Array.isArray(body.appointments)) {
      throw new AppError('VALIDATION', 'The body must be { "port": slug, "appointments": [...] }.', {
        es: 'El cuerpo debe ser { "port": slug, "appointments": [...] }.',
        fields: { appointments: 'required array' },
      });
    }
    raw = jsonRows({ port: body.port, appointments: body.appointments });
  }
  const db = await getDb();
  const portRows = await queryRows<{ id: number; slug: string; time_zone: string; active: boolean }>(db, sql`select id, slug, time_zone, active from ports`);
  const ports = new Map(portRows.map((p) => [p.slug, { id: p.id, slug: p.slug, timeZone: p.time_zone, active: p.active }]));
  const at = now();
  const { clean, problems } = validateRows(raw, ports, at);
  if (problems.length) throw invalid(problems);

  try {
    return await db.transaction(async (tx) => {
      await lockPeople(tx, clean);
      const conflicts = await storedConflicts(tx, clean);
      if (conflicts.length) throw invalid(conflicts);
      const changed: Array<{ id: string; code: string; inserted: boolean; portId: number }> = [];
      for (let i = 0; i < clean.length; i += 1000) {
        const chunk = clean.slice(i, i + 1000);
        const values = sql.join(
          chunk.map(
            (r) =>
              sql`(${r.code}, ${r.portId}, ${r.scheduledAt.toISOString()}::timestamptz, ${r.serviceDate}::date, ${r.partySize}::smallint, ${r.familyName},
                ${r.givenName}, ${r.dateOfBirth}::date, ${r.nationality}, ${r.language}, ${r.documentNumber}, ${r.externalRef}, ${r.identityKey},
                ${r.documentKey}, ${r.searchKey}, ${IDENTITY_KEY_VERSION}::smallint)`,
          ),
          sql`, `,
        );
        const rows = await queryRows<{ id: string; code: string; inserted: boolean; port_id: number }>(
          tx,
          sql`insert into appointments as a (confirmation_code, port_id, scheduled_at, service_date, party_size, family_name, given_name,
                date_of_birth, nationality, language, document_number, external_ref, identity_key, document_key, search_key, identity_key_version)
              values ${values}
              on conflict (confirmation_code) do update set
                scheduled_at = excluded.scheduled_at, service_date = excluded.service_date, party_size = excluded.party_size,
                family_name = excluded.family_name, given_name = excluded.given_name, date_of_birth = excluded.date_of_birth,
                nationality = excluded.nationality, language = excluded.language, document_number = excluded.document_number,
                external_ref = coalesce(excluded.external_ref, a.external_ref), identity_key = excluded.identity_key,
                document_key = excluded.document_key, search_key = excluded.search_key, identity_key_version = excluded.identity_key_version, version = a.version + 1
              where a.status = 'scheduled' and (a.scheduled_at, a.party_size, a.family_name, a.given_name, a.date_of_birth, a.nationality,
                  a.language, a.document_number, a.identity_key, a.external_ref)
                is distinct from (excluded.scheduled_at, excluded.party_size, excluded.family_name, excluded.given_name, excluded.date_of_birth,
                  excluded.nationality, excluded.language, excluded.document_number, excluded.identity_key, coalesce(excluded.external_ref, a.external_ref))
              returning a.id, a.confirmation_code as code, (xmax = 0) as inserted, a.port_id`,
        );
        changed.push(...rows.map((r) => ({ id: r.id, code: r.code, inserted: r.inserted, portId: r.port_id })));
      }
      if (changed.length > 0) {
        const touchedPorts = [...new Set(clean.map((r) => r.portId))];
        const dates = clean.map((r) => r.serviceDate).sort();
        // Moved appointments leave their old date: recount from today's earliest port date.
        const from = [dates[0]!, ...touchedPorts.map((id) => portToday([...ports.values()].find((p) => p.id === id)!.timeZone, at))].sort()[0]!;
        await recountDailyBookings(tx, { portIds: touchedPorts, from });
        await detectFlags(tx, changed.map((c) => c.id));
        for (const portId of touchedPorts) {
          const mine = changed.filter((c) => c.portId === portId);
          if (mine.length === 0) continue;
          await recordAudit(tx, auditActorOf(importer), {
            action: 'roster.import',
            targetType: 'port',
            targetId: String(portId),
            portId,
            after: {
              inserted: mine.filter((c) => c.inserted).map((c) => c.code),
              updated: mine.filter((c) => !c.inserted).map((c) => c.code),
            },
          });
        }
      }
      return { imported: changed.length, unchanged: clean.length - changed.length };
    });
  } catch (error) {
    throw mapUniqueViolation(error);
  }
}

export { MAX_IMPORT_BYTES, tooLarge };
