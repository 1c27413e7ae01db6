/**
 * POST /api/v1/intake/rosters: the upstream's authoritative roster, held to the same rules as a single
 * booking. Every row is validated with the booking schemas (import-rows.ts) and checked against what is
 * stored (import-rules.ts: suspended port, duplicate person, capacity) before the transaction commits;
 * any problem: 400 with the row-by-row report naming the rule, zero rows written. One
 * transaction upserts by confirmation code (unchanged rows, and rows already past 'scheduled' at the
 * port, stay untouched and count as unchanged), recounts
 * the slot counters of the dates it touched, flags possible hoarding and writes one audit event per port.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { now, portToday } from '@/lib/time';
import { recountDailyBookings } from './capacity';
import { detectFlags, lockPeople } from './detect-flags';
import { mapUniqueViolation } from './book-rules';
import { IDENTITY_KEY_VERSION } from '@/lib/identity/keys';
import { addedRows, capacityProblems, countsBefore, storedByCode, storedConflicts } from './import-rules';
import { validateRows, type PortInfo } from './import-rows';
import { decodeCsv, invalid, jsonRows, parseCsvRows, type RawRow } from './roster-file';
import { personActor, intakeKeyActor } from '@/lib/audit/actor';

export type ImportSource = { kind: 'csv'; bytes: Uint8Array } | { kind: 'json'; body: unknown };

export type Importer = { kind: 'key'; keyId: string; name: string } | { kind: 'user'; actor: Actor };

function auditActorOf(importer: Importer): AuditActor {
  return importer.kind === 'key' ? intakeKeyActor(importer) : personActor(importer.actor);
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
  const portRows = await queryRows<{ id: number; slug: string; time_zone: string; active: boolean; booking_window_days: number }>(
    db,
    sql`select id, slug, time_zone, active, booking_window_days from ports`,
  );
  const ports = new Map<string, PortInfo>(
    portRows.map((p) => [p.slug, { id: p.id, slug: p.slug, timeZone: p.time_zone, active: p.active, bookingWindowDays: p.booking_window_days }]),
  );
  const at = now();
  const { clean, problems } = validateRows(raw, ports, at);
  if (problems.length) throw invalid(problems);

  try {
    return await db.transaction(async (tx) => {
      await lockPeople(tx, clean);
      const stored = await storedByCode(tx, clean);
      const conflicts = await storedConflicts(tx, clean, stored);
      if (conflicts.length) throw invalid(conflicts);
      const added = addedRows(clean, stored);
      const before = await countsBefore(tx, clean);
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
        // The same capacity rule as a single booking; a refusal rolls back everything above.
        const full = await capacityProblems(tx, added, before);
        if (full.length) throw invalid(full);
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

