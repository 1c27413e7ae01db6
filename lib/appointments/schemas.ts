import { z } from 'zod';
import { AppointmentSchema } from '@/lib/roster/schemas';

export const HistoryEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  /** The person's name, or the label of a non-person actor (intake key, system). */
  actor: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** The Appointment shape plus the interpreter language on its outcome. */
export const RecordAppointmentSchema = AppointmentSchema.extend({
  outcome: z
    .object({
      code: z.string(),
      notes: z.string().nullable(),
      recordedAt: z.string(),
      recordedBy: z.string(),
      interpreterLanguage: z.string().nullable(),
    })
    .nullable(),
});
export type RecordAppointment = z.infer<typeof RecordAppointmentSchema>;

export const AppointmentDetailSchema = z.object({
  appointment: RecordAppointmentSchema,
  history: z.array(HistoryEntrySchema),
  person: z.object({
    dateOfBirth: z.string(),
    /** Masked to the last 4 characters; supervisors and admins reveal it through POST .../document. */
    documentNumber: z.string().nullable(),
    externalRef: z.string().nullable(),
  }),
  port: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }),
});
export type AppointmentDetail = z.infer<typeof AppointmentDetailSchema>;

export const RevealedDocumentSchema = z.object({ documentNumber: z.string().nullable() });
