import { z } from 'zod';
import { registerRoutes } from '@/lib/api/openapi';
import { AppointmentDetailSchema, RecordAppointmentSchema, RevealedDocumentSchema } from '@/lib/appointments/schemas';
import { CorrectionInputSchema, RecordOutcomeInputSchema } from './schemas';

const AppointmentResult = z.object({ appointment: RecordAppointmentSchema });

registerRoutes(
  {
    method: 'get',
    path: '/api/v1/appointments/{id}',
    operationId: 'getAppointment',
    summary: 'One appointment with its history (newest first); another port’s appointment is 404 for an officer',
    tag: 'appointments',
    auth: 'session',
    success: { status: 200, schema: AppointmentDetailSchema },
    errors: [401, 404],
  },
  {
    method: 'post',
    path: '/api/v1/appointments/{id}/outcome',
    operationId: 'recordOutcome',
    idempotencyKey: 'optional',
    summary: 'Record the interview outcome of a checked-in appointment (status becomes processed); a replay with the same idempotency key returns the first answer',
    tag: 'appointments',
    auth: 'session',
    body: RecordOutcomeInputSchema,
    success: { status: 200, schema: AppointmentResult },
    errors: [400, 401, 403, 404, 409, 412],
  },
  {
    method: 'post',
    path: '/api/v1/appointments/{id}/corrections',
    operationId: 'correctAppointment',
    summary: 'Correct a status and/or an outcome with a reason (supervisor, admin); the audit trail keeps before and after',
    tag: 'appointments',
    auth: 'session',
    body: CorrectionInputSchema,
    success: { status: 200, schema: AppointmentResult },
    errors: [400, 401, 403, 404, 409, 412],
  },
  {
    method: 'post',
    path: '/api/v1/appointments/{id}/document',
    operationId: 'revealDocumentNumber',
    summary: 'Reveal the full document number (supervisor, admin); writes an audit event',
    tag: 'appointments',
    auth: 'session',
    success: { status: 200, schema: RevealedDocumentSchema },
    errors: [401, 403, 404],
  },
);
