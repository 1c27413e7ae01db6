import { z } from 'zod';
import { registerRoutes } from '@/lib/api/openapi';
import { AvailabilityQuerySchema, AvailabilitySchema, BookingRequestSchema, BookingResponseSchema, ExportQuerySchema, FlagReviewSchema, RosterImportJsonSchema, RosterImportResultSchema } from './schemas';

registerRoutes(
  { method: 'get', path: '/api/v1/intake/availability', summary: 'Limit, booked and remaining per port and port-local date', tag: 'intake', auth: 'intakeKey', query: AvailabilityQuerySchema, success: { status: 200, schema: AvailabilitySchema }, errors: [400, 401, 404, 429] },
  { method: 'post', path: '/api/v1/intake/bookings', summary: 'Book a slot (Idempotency-Key header required, at most 255 characters; replays return the stored response)', tag: 'intake', auth: 'intakeKey', body: BookingRequestSchema, success: { status: 201, schema: BookingResponseSchema }, errors: [400, 401, 409, 422, 429] },
  { method: 'delete', path: '/api/v1/intake/bookings/{confirmationCode}', summary: 'Cancel a booking (frees the slot)', tag: 'intake', auth: 'intakeKey', success: { status: 200, schema: BookingResponseSchema }, errors: [401, 404, 409, 429] },
  { method: 'post', path: '/api/v1/intake/rosters', summary: 'Import a roster (JSON, or text/csv with the documented header); all or nothing, row-by-row report', tag: 'intake', auth: 'sessionOrIntakeKey', body: RosterImportJsonSchema, success: { status: 200, schema: RosterImportResultSchema }, errors: [400, 401, 403, 413, 429] },
  { method: 'get', path: '/api/v1/ports/{slug}/roster/export', summary: 'Roster of a port and date as spreadsheet-safe CSV (importable again)', tag: 'roster', auth: 'session', query: ExportQuerySchema, success: { status: 200, schema: z.string(), contentType: 'text/csv' }, errors: [401, 404] },
  { method: 'post', path: '/api/v1/flags/{id}/review', summary: 'Confirm or dismiss a hoarding/duplicate flag with a reason (supervisor, admin)', tag: 'review', auth: 'session', body: FlagReviewSchema, success: { status: 200, schema: z.object({ flag: z.object({ id: z.string(), status: z.enum(['confirmed', 'dismissed']) }) }) }, errors: [400, 401, 403, 404, 409] },
);
