import { z } from 'zod';
import { AppointmentSchema, IsoDateSchema } from '@/lib/roster/schemas';
import { isIsoDate } from '@/lib/time';
import { looksLikeFormula } from './rules';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an explicit offset ("Z" or "+hh:mm"): a zone name or no zone is refused. */
export function isInstantWithOffset(value: string): boolean {
  const m = INSTANT.exec(value);
  return !!m && isIsoDate(m[1]!) && !Number.isNaN(Date.parse(value));
}

export const InstantSchema = z
  .string()
  .trim()
  .refine(isInstantWithOffset, { message: 'must be an ISO 8601 time with an offset, e.g. 2026-11-25T09:30:00-08:00' });

const NameSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(100, { message: 'must be at most 100 characters' })
  .refine((v) => !looksLikeFormula(v), { message: 'looks like a spreadsheet formula' });

export const PersonSchema = z.object({
  familyName: NameSchema,
  givenName: NameSchema,
  dateOfBirth: IsoDateSchema.refine((d) => d >= '1900-01-01', { message: 'must be after 1900' }),
  nationality: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, { message: 'must be a two-letter country code' })),
  language: z
    .string()
    .trim()
    .transform((v) => v.toLowerCase())
    .pipe(z.string().regex(/^[a-z]{2,3}$/, { message: 'must be a language code such as es or ht' })),
  documentNumber: z
    .string()
    .trim()
    .max(40, { message: 'must be at most 40 characters' })
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type PersonInput = z.output<typeof PersonSchema>;

export const PartySizeSchema = z.coerce
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(1, { message: 'must be 1-12' })
  .max(12, { message: 'must be 1-12' });

export const BookingRequestSchema = z
  .object({
    port: z.string().trim().min(1).max(40),
    scheduledAt: InstantSchema,
    partySize: PartySizeSchema,
    person: PersonSchema,
    externalRef: z.string().trim().min(1).max(100).nullish().transform((v) => v ?? null),
  })
  .meta({ id: 'BookingRequest' });
export type BookingRequest = z.output<typeof BookingRequestSchema>;

export const BookingResponseSchema = z.object({ appointment: AppointmentSchema });

export const IdempotencyKeySchema = z
  .string({ message: 'the Idempotency-Key header is required' })
  .min(1, { message: 'the Idempotency-Key header is required' })
  .max(255, { message: 'the Idempotency-Key header must be at most 255 characters' });

export const AvailabilityQuerySchema = z
  .object({
    port: z.string().trim().min(1).max(40).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

export const AvailabilityDaySchema = z.object({
  date: z.string(),
  port: z.string(),
  limit: z.number().int(),
  booked: z.number().int(),
  remaining: z.number().int(),
});
export const AvailabilitySchema = z.object({ days: z.array(AvailabilityDaySchema) });
export type AvailabilityDay = z.infer<typeof AvailabilityDaySchema>;

export const RosterImportAppointmentSchema = z.object({
  confirmationCode: z.string().trim().min(1),
  scheduledAt: InstantSchema,
  partySize: PartySizeSchema,
  person: PersonSchema,
  externalRef: z.string().trim().max(100).nullish(),
});
export const RosterImportJsonSchema = z
  .object({
    port: z.string().trim().min(1).max(40),
    appointments: z.array(z.unknown()),
  })
  .meta({ id: 'RosterImport' });

export const RosterImportResultSchema = z.object({ imported: z.number().int(), unchanged: z.number().int() });

export const ExportQuerySchema = z.object({ date: IsoDateSchema.optional() });

export const FlagReviewSchema = z.object({
  decision: z.enum(['confirmed', 'dismissed']),
  reason: z.string().trim().min(3, { message: 'a reason of at least 3 characters is required' }).max(500),
});
