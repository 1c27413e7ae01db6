import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { appointmentStatusEnum } from './enums';
import { ports } from './ports';
import { users } from './users';

export const appointments = pgTable(
  'appointments',
  {
    id: uuid().primaryKey().defaultRandom(),
    confirmationCode: varchar({ length: 16 }).notNull().unique(),
    portId: integer()
      .notNull()
      .references(() => ports.id),
    scheduledAt: timestamp({ withTimezone: true }).notNull(),
    /** Port-local calendar date of scheduledAt, derived in the port's zone when written. */
    serviceDate: date({ mode: 'string' }).notNull(),
    partySize: smallint().notNull().default(1),
    familyName: text().notNull(),
    givenName: text().notNull(),
    dateOfBirth: date({ mode: 'string' }).notNull(),
    nationality: varchar({ length: 2 }).notNull(),
    language: varchar({ length: 3 }).notNull(),
    documentNumber: text(),
    externalRef: text(),
    status: appointmentStatusEnum().notNull().default('scheduled'),
    arrivedAt: timestamp({ withTimezone: true }),
    arrivedBy: uuid().references(() => users.id),
    membersPresent: smallint(),
    statusChangedAt: timestamp({ withTimezone: true }),
    statusChangedBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
    /**
     * Who the person is, for "one active appointment per person per date": family|given|date of
     * birth|nationality after lib/identity's fold (NFKC, ignorables, case, marks, UTS #39 skeleton,
     * transliteration, no spaces or punctuation). Computed by the app on every insert.
     */
    identityKey: text(),
    /** The document number folded the same way (upper-case letters and digits), or null. */
    documentKey: text(),
    /** Folded "given family" words for name search ("pena" finds "Peña", "Ｐｅñａ", "Pеña"). */
    searchKey: text(),
    /** Which version of lib/identity computed the keys; older rows are recomputed by the migrate step. */
    identityKeyVersion: smallint(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The roster read: one port, one service date, in scheduled order.
    index('appointments_port_date_time_idx').on(t.portId, t.serviceDate, t.scheduledAt),
    index('appointments_date_idx').on(t.serviceDate),
    uniqueIndex('appointments_person_date_active_unique')
      .on(t.identityKey, t.serviceDate)
      .where(sql`${t.status} <> 'cancelled'`),
    // Hoarding detection: a person's other appointments, and repeated external references.
    index('appointments_identity_idx').on(t.identityKey, t.serviceDate),
    index('appointments_dob_nationality_idx').on(t.dateOfBirth, t.nationality),
    index('appointments_document_idx').on(t.documentNumber).where(sql`${t.documentNumber} is not null`),
    index('appointments_document_key_idx').on(t.documentKey, t.serviceDate).where(sql`${t.documentKey} is not null`),
    index('appointments_identity_version_idx').on(t.identityKeyVersion),
    index('appointments_external_ref_idx').on(t.externalRef).where(sql`${t.externalRef} is not null`),
    check('appointments_party_size_range', sql`${t.partySize} between 1 and 12`),
    check(
      'appointments_members_present_range',
      sql`${t.membersPresent} is null or (${t.membersPresent} between 1 and ${t.partySize})`,
    ),
    check(
      'appointments_arrival_recorded',
      sql`(${t.status} in ('checked_in', 'late', 'processed')) = (${t.arrivedAt} is not null)`,
    ),
    check('appointments_version_positive', sql`${t.version} >= 1`),
  ],
);

export type AppointmentRow = typeof appointments.$inferSelect;
