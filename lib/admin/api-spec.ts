/** The administration endpoints in the OpenAPI document; ADMIN_ROUTES also drives the permission-matrix tests. */
import { z } from 'zod';
import { registerRoutes, type RouteSpec } from '@/lib/api/openapi';
import {
  CapacityCalendarSchema,
  CapacityQuerySchema,
  DateLimitBodySchema,
  NationalCapBodySchema,
  WeekdayLimitsBodySchema,
} from '@/lib/capacity/schemas';
import { CreatedIntakeKeySchema, IntakeKeySchema, NewIntakeKeySchema } from '@/lib/intake-keys/schemas';
import { AdminOutcomeCodeSchema, NewOutcomeCodeSchema, OutcomeCodeChangeSchema } from '@/lib/outcome-codes/schemas';
import { AddPortBodySchema, UpdatePortBodySchema } from '@/lib/ports/admin-schemas';
import { PortSchema } from '@/lib/ports/schemas';
import { AdminUserSchema, NewUserSchema, OwnPasswordChangeSchema, UserChangeSchema } from '@/lib/users/admin-schemas';

const Ok = z.object({ ok: z.literal(true) }).catchall(z.unknown());
const base = { tag: 'admin', auth: 'session' as const };
const READ = [401, 403];
const WRITE = [400, 401, 403, 404, 409];

export const ADMIN_ROUTES: RouteSpec[] = [
  { ...base, method: 'get', path: '/api/v1/admin/capacity', summary: 'Limits, bookings and remaining per port and date; national totals against the cap', query: CapacityQuerySchema, success: { status: 200, schema: CapacityCalendarSchema }, errors: [400, ...READ, 404] },
  { ...base, method: 'put', path: '/api/v1/admin/capacity/{slug}/weekdays', summary: 'Set a port\u2019s weekday defaults (one action, one transaction)', body: WeekdayLimitsBodySchema, success: { status: 200, schema: Ok }, errors: WRITE },
  { ...base, method: 'put', path: '/api/v1/admin/capacity/{slug}/dates/{date}', summary: 'Set a date override (0 closes the port that day)', body: DateLimitBodySchema, success: { status: 200, schema: Ok }, errors: WRITE },
  { ...base, method: 'delete', path: '/api/v1/admin/capacity/{slug}/dates/{date}', summary: 'Remove a date override (back to the weekday default)', success: { status: 200, schema: Ok }, errors: WRITE },
  { ...base, method: 'put', path: '/api/v1/admin/national-cap', summary: 'Set the national daily cap', body: NationalCapBodySchema, success: { status: 200, schema: Ok }, errors: WRITE },
  { ...base, method: 'get', path: '/api/v1/admin/ports', summary: 'All ports, suspended ones included', success: { status: 200, schema: z.object({ ports: z.array(PortSchema) }) }, errors: READ },
  { ...base, method: 'post', path: '/api/v1/admin/ports', summary: 'Add a port', body: AddPortBodySchema, success: { status: 201, schema: z.object({ port: PortSchema }) }, errors: WRITE },
  { ...base, method: 'patch', path: '/api/v1/admin/ports/{slug}', summary: 'Edit, suspend or reactivate a port', body: UpdatePortBodySchema, success: { status: 200, schema: z.object({ port: PortSchema }) }, errors: WRITE },
  { ...base, method: 'get', path: '/api/v1/admin/outcome-codes', summary: 'All outcome codes, retired ones included, with use counts', success: { status: 200, schema: z.object({ outcomeCodes: z.array(AdminOutcomeCodeSchema) }) }, errors: READ },
  { ...base, method: 'post', path: '/api/v1/admin/outcome-codes', summary: 'Add an outcome code', body: NewOutcomeCodeSchema, success: { status: 201, schema: z.object({ outcomeCode: AdminOutcomeCodeSchema.omit({ uses: true }) }) }, errors: WRITE },
  { ...base, method: 'patch', path: '/api/v1/admin/outcome-codes/{code}', summary: 'Relabel, retire or reactivate an outcome code', body: OutcomeCodeChangeSchema, success: { status: 200, schema: z.object({ outcomeCode: AdminOutcomeCodeSchema.omit({ uses: true }) }) }, errors: WRITE },
  { ...base, method: 'delete', path: '/api/v1/admin/outcome-codes/{code}', summary: 'Delete a never-used outcome code (409 IN_USE otherwise: retire it)', success: { status: 200, schema: Ok }, errors: WRITE },
  { ...base, method: 'get', path: '/api/v1/admin/users', summary: 'Accounts with role, port and last sign-in', success: { status: 200, schema: z.object({ users: z.array(AdminUserSchema) }) }, errors: READ },
  { ...base, method: 'post', path: '/api/v1/admin/users', summary: 'Create an account (first password must be changed at first sign-in)', body: NewUserSchema, success: { status: 201, schema: z.object({ user: AdminUserSchema }) }, errors: WRITE },
  { ...base, method: 'patch', path: '/api/v1/admin/users/{id}', summary: 'Change role or port, deactivate, reactivate, reset the password', body: UserChangeSchema, success: { status: 200, schema: z.object({ user: AdminUserSchema }) }, errors: WRITE },
  { ...base, method: 'get', path: '/api/v1/admin/intake-keys', summary: 'Intake keys with last use', success: { status: 200, schema: z.object({ intakeKeys: z.array(IntakeKeySchema) }) }, errors: READ },
  { ...base, method: 'post', path: '/api/v1/admin/intake-keys', summary: 'Create an intake key (the key is shown this once)', body: NewIntakeKeySchema, success: { status: 201, schema: CreatedIntakeKeySchema }, errors: WRITE },
  { ...base, method: 'delete', path: '/api/v1/admin/intake-keys/{id}', summary: 'Revoke an intake key (effective at once)', success: { status: 200, schema: Ok }, errors: WRITE },
];

registerRoutes(
  ...ADMIN_ROUTES,
  { tag: 'account', auth: 'session', method: 'post', path: '/api/v1/session/keepalive', summary: 'Stay signed in (counts as activity for the idle limit)', success: { status: 200, schema: z.object({ status: z.literal('ok') }) }, errors: [401, 403] },
  { tag: 'account', auth: 'session', method: 'post', path: '/api/v1/account/password', summary: 'Change one\u2019s own password', body: OwnPasswordChangeSchema, success: { status: 200, schema: Ok }, errors: [400, 401] },
);
