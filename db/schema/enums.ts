import { pgEnum } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['officer', 'supervisor', 'admin']);
export const localeEnum = pgEnum('locale', ['en', 'es']);
/** Stored status. `no_show` is also *derived* for reads once the deadline passes without arrival. */
export const appointmentStatusEnum = pgEnum('appointment_status', [
  'scheduled',
  'checked_in',
  'late',
  'no_show',
  'processed',
  'cancelled',
]);

export type Role = (typeof roleEnum.enumValues)[number];
export type Locale = (typeof localeEnum.enumValues)[number];
export type AppointmentStatus = (typeof appointmentStatusEnum.enumValues)[number];
