import { z } from 'zod';
import { registerRoutes } from '@/lib/api/openapi';
import { CheckInInputSchema } from './check-in';
import { ReplayInputSchema } from './replay';
import { AppointmentSchema, RosterQuerySchema, RosterSchema } from './schemas';

const AppointmentResult = z.object({ appointment: AppointmentSchema });

registerRoutes(
  {
    method: 'get',
    path: '/api/v1/ports/{slug}/roster',
    operationId: 'getRoster',
    summary: 'The roster of a port for a port-local date (default today); q matches a code exactly or a name fragment',
    tag: 'roster',
    auth: 'session',
    query: RosterQuerySchema,
    success: { status: 200, schema: RosterSchema },
    errors: [400, 401, 404],
  },
  {
    method: 'post',
    path: '/api/v1/appointments/{id}/check-in',
    operationId: 'checkIn',
    idempotencyKey: 'optional',
    bodyExample: { membersPresent: 3 },
    summary: 'Record an arrival: checked_in on time, late after the deadline (the server clock decides; a replayed offline tap is judged at tappedAt + clockOffsetMs if at most OFFLINE_TAP_MAX_AGE_MINUTES old, else at the received time and sent to review)',
    tag: 'roster',
    auth: 'session',
    body: CheckInInputSchema,
    success: { status: 200, schema: AppointmentResult },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/v1/appointments/{id}/no-show',
    operationId: 'markNoShow',
    idempotencyKey: 'optional',
    summary: 'Mark a no-show after the deadline (a replayed offline tap: judged at tappedAt + clockOffsetMs)',
    tag: 'roster',
    auth: 'session',
    body: ReplayInputSchema,
    success: { status: 200, schema: AppointmentResult },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/v1/appointments/{id}/undo',
    operationId: 'undoArrival',
    idempotencyKey: 'optional',
    summary: 'Undo your own check-in or no-show within 2 minutes (a replayed offline tap: judged at tappedAt + clockOffsetMs)',
    tag: 'roster',
    auth: 'session',
    body: ReplayInputSchema,
    success: { status: 200, schema: AppointmentResult },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/v1/appointments/lookup',
    operationId: 'lookupConfirmationCode',
    summary: 'The port and date a confirmation code belongs to',
    tag: 'roster',
    auth: 'session',
    query: z.object({ code: z.string() }),
    success: { status: 200, schema: z.object({ location: z.object({ portSlug: z.string(), portName: z.string(), date: z.string(), visible: z.boolean(), appointmentId: z.string().nullable() }) }) },
    errors: [401, 404],
  },
);
