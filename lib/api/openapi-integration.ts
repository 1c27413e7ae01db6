/**
 * What an outside integrator needs on the intake routes beyond their schemas: stable
 * operation ids, the Idempotency-Key header, the text/csv roster body and examples.
 * Kept beside the generator (not in lib/intake/api-spec.ts) only while lib/intake is being
 * rewritten by another change; it belongs in that file once it is free again.
 */
import type { RouteSpec } from './openapi';

export const ROSTER_CSV_HEADER =
  'port,confirmation_code,scheduled_at,party_size,family_name,given_name,date_of_birth,nationality,language,document_number';

const person = { familyName: 'García López', givenName: 'María', dateOfBirth: '1990-04-12', nationality: 'GT', language: 'es', documentNumber: 'G1234567' };

export const INTEGRATION: Record<string, Partial<RouteSpec>> = {
  'get /api/v1/intake/availability': { operationId: 'getAvailability' },
  'post /api/v1/intake/bookings': {
    operationId: 'createBooking',
    idempotencyKey: 'required',
    bodyExample: { port: 'san-ysidro', scheduledAt: '2026-11-25T09:30:00-08:00', partySize: 3, person, externalRef: 'upstream-81723' },
  },
  'delete /api/v1/intake/bookings/{confirmationCode}': { operationId: 'cancelBooking' },
  'post /api/v1/intake/rosters': {
    operationId: 'importRoster',
    csvBody: {
      header: ROSTER_CSV_HEADER,
      example: `${ROSTER_CSV_HEADER}\nsan-ysidro,SY7K2M9Q,2026-11-25T09:30:00-08:00,3,García López,María,1990-04-12,GT,es,G1234567\n`,
    },
    bodyExample: { port: 'san-ysidro', appointments: [{ confirmationCode: 'SY7K2M9Q', scheduledAt: '2026-11-25T09:30:00-08:00', partySize: 3, person }] },
  },
  'get /api/v1/ports/{slug}/roster/export': { operationId: 'exportRosterCsv' },
  'post /api/v1/flags/{id}/review': { operationId: 'reviewFlag' },
};
