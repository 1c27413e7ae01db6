import { z } from 'zod';
import { appointmentStatusEnum } from '@/db/schema/enums';
import { isIsoDate } from '@/lib/time';
import { PortSchema } from '@/lib/ports/schemas';

export const AppointmentStatusSchema = z.enum(appointmentStatusEnum.enumValues);
/** A calendar date; years outside 1900-2999 are refused here, before date arithmetic overflows into year 10000. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a date as YYYY-MM-DD', abort: true })
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', { message: 'must be between 1900-01-01 and 2999-12-31' });

export const RosterQuerySchema = z.object({
  date: IsoDateSchema.optional(),
  q: z.string().trim().max(100).optional(),
  status: z
    .union([AppointmentStatusSchema, z.array(AppointmentStatusSchema)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
});
export type RosterQuery = { date?: string; q?: string; status?: z.infer<typeof AppointmentStatusSchema>[] };

export const OutcomeSchema = z.object({
  code: z.string(),
  notes: z.string().nullable(),
  interpreterLanguage: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

export const AppointmentSchema = z
  .object({
    id: z.string().uuid(),
    confirmationCode: z.string(),
    portSlug: z.string(),
    date: z.string(),
    scheduledAt: z.string(),
    deadline: z.string(),
    partySize: z.number().int(),
    familyName: z.string(),
    givenName: z.string(),
    nationality: z.string(),
    language: z.string(),
    status: AppointmentStatusSchema,
    arrivedAt: z.string().nullable(),
    arrivedBy: z.string().nullable(),
    membersPresent: z.number().int().nullable(),
    outcome: OutcomeSchema.nullable(),
    flags: z.array(z.string()),
    noShowRecorded: z.boolean().describe('true when an officer marked the no-show; false when it is derived from the passed deadline'),
    version: z.number().int(),
  })
  .meta({ id: 'Appointment' });
export type Appointment = z.infer<typeof AppointmentSchema>;

export const StatusCountsSchema = z.object({
  scheduled: z.number().int(),
  checked_in: z.number().int(),
  late: z.number().int(),
  no_show: z.number().int(),
  processed: z.number().int(),
  cancelled: z.number().int(),
});

export const RosterSchema = z.object({
  port: PortSchema,
  date: z.string(),
  counts: StatusCountsSchema,
  appointments: z.array(AppointmentSchema),
});
export type Roster = z.infer<typeof RosterSchema>;
