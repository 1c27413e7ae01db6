/** Words and examples for the error responses of the OpenAPI document (the codes of lib/errors.ts). */
import type { ErrorCode } from '@/lib/errors';

export const STATUS_TEXT: Record<number, string> = {
  400: 'Validation error (malformed JSON, wrong types, unknown enum, bad date)',
  401: 'Not signed in, or a missing or revoked intake key',
  403: 'Role or port not allowed, cross-site request, or a temporary password to change first',
  404: 'Not found (also for a resource in a port the caller may not see)',
  409: 'The state changed underneath, or a rule refused the change',
  412: 'Stale version: expectedVersion no longer matches',
  413: 'Payload too large',
  415: 'Unsupported media type: the body must be application/json',
  422: 'Idempotency mismatch: the same key was used with another body',
  429: 'Rate limited (see Retry-After)',
  503: 'Database unavailable (see Retry-After)',
};

const EXAMPLE: Record<number, { code: ErrorCode; message: string; fields?: Record<string, string> }> = {
  400: { code: 'VALIDATION', message: 'Some fields are missing or not valid.', fields: { partySize: 'must be 1-12' } },
  401: { code: 'UNAUTHENTICATED', message: 'Sign in first.' },
  403: { code: 'FORBIDDEN', message: 'You may not do this.' },
  404: { code: 'NOT_FOUND', message: 'Not found.' },
  409: { code: 'CONFLICT', message: 'The record changed meanwhile. Reload and try again.' },
  412: { code: 'STALE_VERSION', message: 'Someone else changed this record. Reload and try again.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The body is larger than 65536 bytes.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json.' },
  422: { code: 'IDEMPOTENCY_MISMATCH', message: 'This Idempotency-Key was used with another body.' },
  429: { code: 'RATE_LIMITED', message: 'Too many requests. Try again shortly.' },
  503: { code: 'UNAVAILABLE', message: 'The database is not answering. Try again shortly.' },
};

export function errorExample(status: number): { error: { code: ErrorCode; message: string; fields?: Record<string, string> } } {
  return { error: EXAMPLE[status] ?? { code: 'INTERNAL', message: 'Something went wrong on our side.' } };
}
