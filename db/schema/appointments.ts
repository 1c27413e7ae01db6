import { sql, type SQL } from 'drizzle-orm';
import { check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { FOLD_FROM, FOLD_TO } from '../../lib/search-fold';
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
    /** Folded "given family" for accent- and case-insensitive name search ("pena" finds "Peña"). */
    /**
     * Who the person is, for "one active appointment per person per date": the normalised document
     * number when known, else folded family|given|date of birth|nationality. Written by the intake
     * paths (lib/intake/identity.ts); null on rows loaded by other means, which the index ignores.
     */
    identityKey: text(),
    searchKey: text().generatedAlwaysAs(
      (): SQL => sql`translate(lower(given_name || ' ' || family_name), ${sql.raw(`'${FOLD_FROM}'`)}, ${sql.raw(`'${FOLD_TO}'`)})`,
    ),
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
