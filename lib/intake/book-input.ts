/**
 * Validation of a booking request (POST /api/v1/intake/bookings) before anything is read: the
 * Idempotency-Key header and the body against the booking schemas (the same schemas the roster
 * import validates rows with and the OpenAPI document is generated from).
 */
import { parseInput } from '@/lib/api/validate';
import { AppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/translate';
import { requestHash } from '@/lib/idempotency';
import { BookingRequestSchema, IdempotencyKeySchema, type BookingRequest } from './schemas';

export interface BookingInput {
  idemKey: string;
  req: BookingRequest;
  /** What a retry must repeat exactly to get the stored answer. */
  requestHash: string;
}

export function parseBookingInput(input: { idempotencyKey: string | null; body: unknown }, locale: AppLocale): BookingInput {
  const idemKey = parseIdempotencyKey(input.idempotencyKey, locale);
  const req = parseInput(BookingRequestSchema, input.body, locale);
  return { idemKey, req, requestHash: requestHash(req) };
}

/** A bad header is a field problem of the header, named as the client sent it. */
function parseIdempotencyKey(value: string | null, locale: AppLocale): string {
  try {
    return parseInput(IdempotencyKeySchema, value ?? '', locale);
  } catch (e) {
    if (e instanceof AppError && e.fields) throw new AppError('VALIDATION', e.message, { es: e.es, fields: { 'Idempotency-Key': e.fields._ ?? 'invalid' } });
    throw e;
  }
}
