import { z } from 'zod';
import { AppointmentSchema, IsoDateSchema } from '@/lib/roster/schemas';
import { validation as m } from '@/lib/i18n/messages/en/validation';
import { addDays, isIsoDate, now } from '@/lib/time';
import { looksLikeFormula, normaliseName, NAME_CHARS, hasBidiControl, hasControlChar } from './rules';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an explicit offset ("Z" or "+hh:mm"): a zone name or no zone is refused. */
export function isInstantWithOffset(value: string): boolean {
  const m = INSTANT.exec(value);
  return !!m && isIsoDate(m[1]!) && !Number.isNaN(Date.parse(value));
}

export const InstantSchema = z
  .string()
  .trim()
  .refine(isInstantWithOffset, { message: m.instant });

/**
 * A name as a person writes it: stored NFKC-normalised, without invisible characters and with single
 * spaces; 1-100 characters of letters, accents, spaces and ' - . , (no digits, symbols, control or
 * bidirectional override characters, which would let a name display as something else).
 */
const NameSchema = z
  .string({ message: m.required })
  .refine((v) => !hasControlChar(v), { message: m.controlChars, abort: true })
  .refine((v) => !hasBidiControl(v), { message: m.bidiOverride, abort: true })
  .transform(normaliseName)
  .pipe(
    z
      .string()
      .min(1, { message: m.required })
      .max(100, { message: m.nameTooLong })
      .refine((v) => !looksLikeFormula(v), { message: m.formula, abort: true })
      .regex(NAME_CHARS, { message: m.nameChars }),
  );

/** Not after today anywhere on earth (UTC+14), not more than 120 years before today. */
export const DateOfBirthSchema = z
  .string({ message: m.required })
  .trim()
  .refine(isIsoDate, { message: m.isoDate, abort: true })
  .refine((d) => d <= addDays(now().toISOString().slice(0, 10), 1), { message: m.dobFuture, abort: true })
  .refine((d) => d >= `${Number(now().toISOString().slice(0, 4)) - 120}${now().toISOString().slice(4, 10)}`, { message: m.dobTooOld });

export const PersonSchema = z.object({
  familyName: NameSchema,
  givenName: NameSchema,
  dateOfBirth: DateOfBirthSchema,
  nationality: z
    .string({ message: m.required })
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, { message: m.nationality })),
  language: z
    .string({ message: m.required })
    .trim()
    .transform((v) => v.toLowerCase())
    .pipe(z.string().regex(/^[a-z]{2,3}$/, { message: m.language })),
  documentNumber: z
    .string()
    .refine((v) => !hasControlChar(v) && !hasBidiControl(v), { message: m.controlChars, abort: true })
    .transform((v) => v.normalize('NFKC').trim())
    .pipe(z.string().max(40, { message: m.documentTooLong }).regex(/^[\p{L}\p{N} \-/.]*$/u, { message: m.documentChars }))
    .nullish()
    .transform((v) => (v ? v : null)),
});

export const PartySizeSchema = z.coerce
  .number({ message: m.number })
  .int({ message: m.wholeNumber })
  .min(1, { message: m.partySize })
  .max(12, { message: m.partySize });

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
  /** False before the port's today or beyond its booking window. */
  bookable: z.boolean(),
  bookingWindowDays: z.number().int(),
});
export const AvailabilitySchema = z.object({ days: z.array(AvailabilityDaySchema) });
export type AvailabilityDay = z.infer<typeof AvailabilityDaySchema>;

export const RosterImportAppointmentSchema = z.object({
  confirmationCode: z.string().trim().min(1).max(16),
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
