/**
 * Row-by-row validation of a roster upload with the same zod schemas as POST /api/v1/intake/bookings
 * (names, date of birth, party size, instants), plus what only a file can get wrong: an unknown port,
 * a malformed or repeated confirmation code, a person twice on one date, a date before the port's
 * today or beyond its booking window. Pure: ports and the clock come in as parameters.
 */
import type { z } from 'zod';
import { personKeys } from '@/lib/identity/keys';
import { normaliseConfirmationCode } from '@/lib/roster/confirmation-code';
import { portToday, serviceDate } from '@/lib/time';
import type { RawRow, RowProblem } from './roster-file';
import { restoreFormula } from '@/lib/csv';
import { beyondBookingWindow } from './rules';
import { RosterImportAppointmentSchema } from './schemas';

export interface PortInfo {
  id: number;
  slug: string;
  timeZone: string;
  active: boolean;
  bookingWindowDays: number;
}

export interface CleanRow {
  row: number;
  portId: number;
  portSlug: string;
  portActive: boolean;
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

const CODE = /^[A-Z0-9]{4,16}$/;

/** The CSV column of each schema field, so a report names what the spreadsheet calls it. */
const COLUMN: Record<string, string> = {
  confirmationCode: 'confirmation_code',
  scheduledAt: 'scheduled_at',
  partySize: 'party_size',
  externalRef: 'external_ref',
  'person.familyName': 'family_name',
  'person.givenName': 'given_name',
  'person.dateOfBirth': 'date_of_birth',
  'person.nationality': 'nationality',
  'person.language': 'language',
  'person.documentNumber': 'document_number',
};

/** A spreadsheet cell as typed, with our exporter's formula guard undone. */
const cell = (v: unknown): unknown => (typeof v === 'string' ? restoreFormula(v) : v);
const blankToNull = (v: unknown): unknown => (v === '' || v === undefined ? null : v);
const quoted = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? `"${v.trim()}" ` : '');

function zodProblems(row: RawRow, error: z.ZodError): RowProblem[] {
  const seen = new Set<string>();
  const out: RowProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    const column = COLUMN[field] ?? (field || null);
    if (seen.has(field)) continue;
    seen.add(field);
    const value = column ? row.values[column as keyof RawRow['values']] : undefined;
    out.push({ row: row.row, column, message: `${quoted(value)}${issue.message}`, rule: 'VALIDATION' });
  }
  return out;
}

export function validateRows(rows: RawRow[], ports: Map<string, PortInfo>, at: Date): { clean: CleanRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const clean: CleanRow[] = [];
  const seenCodes = new Map<string, number>();
  const seenPeople = new Map<string, number>();
  for (const r of rows) {
    const before = problems.length;
    const add = (column: string | null, message: string, rule = 'VALIDATION') => problems.push({ row: r.row, column, message, rule });
    if (r.width !== undefined) add(null, `has ${r.width} fields, unlike the header`);
    const v = r.values;
    const slug = typeof v.port === 'string' ? v.port.trim() : '';
    const port = ports.get(slug);
    if (!slug) add('port', 'is required');
    else if (!port) add('port', `unknown port "${slug}"`);
    const code = normaliseConfirmationCode(typeof v.confirmation_code === 'string' ? v.confirmation_code : String(v.confirmation_code ?? ''));
    if (!code) add('confirmation_code', 'is required');
    else if (!CODE.test(code)) add('confirmation_code', 'must be 4-16 letters and digits');
    else if (seenCodes.has(code)) add('confirmation_code', `duplicate of row ${seenCodes.get(code)}`);
    else seenCodes.set(code, r.row);
    const parsed = RosterImportAppointmentSchema.safeParse({
      confirmationCode: code || 'X',
      scheduledAt: v.scheduled_at ?? '',
      partySize: typeof v.party_size === 'string' && v.party_size.trim() === '' ? undefined : v.party_size,
      externalRef: blankToNull(v.external_ref),
      person: {
        familyName: cell(v.family_name ?? ''),
        givenName: cell(v.given_name ?? ''),
        dateOfBirth: v.date_of_birth ?? '',
        nationality: v.nationality ?? '',
        language: v.language ?? '',
        documentNumber: blankToNull(cell(v.document_number)),
      },
    });
    if (!parsed.success) problems.push(...zodProblems(r, parsed.error));
    if (problems.length > before || !port || !parsed.success) continue;
    const a = parsed.data;
    const scheduledAt = new Date(a.scheduledAt);
    const date = serviceDate(scheduledAt, port.timeZone);
    const today = portToday(port.timeZone, at);
    if (date < today) {
      add('scheduled_at', `is on ${date}, before today at ${port.slug}`);
      continue;
    }
    if (beyondBookingWindow(date, today, port.bookingWindowDays)) {
      add('scheduled_at', `is on ${date}, beyond the ${port.bookingWindowDays}-day booking window of ${port.slug}`, 'BOOKING_WINDOW');
      continue;
    }
    const p = a.person;
    const keys = personKeys(p);
    const personDays = [`id:${keys.identityKey}#${date}`, ...(keys.documentKey ? [`doc:${keys.documentKey}#${date}`] : [])];
    const earlier = personDays.map((k) => seenPeople.get(k)).find((n) => n !== undefined);
    if (earlier !== undefined) {
      add('family_name', `the same person already has an appointment that date in row ${earlier}`, 'DUPLICATE_BOOKING');
      continue;
    }
    for (const k of personDays) seenPeople.set(k, r.row);
    clean.push({
      row: r.row, portId: port.id, portSlug: port.slug, portActive: port.active, code, scheduledAt, serviceDate: date, partySize: a.partySize,
      familyName: p.familyName, givenName: p.givenName, dateOfBirth: p.dateOfBirth, nationality: p.nationality, language: p.language,
      documentNumber: p.documentNumber, externalRef: a.externalRef ?? null, identityKey: keys.identityKey, documentKey: keys.documentKey,
      searchKey: keys.searchKey,
    });
  }
  return { clean, problems };
}
