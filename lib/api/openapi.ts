/**
 * OpenAPI 3.1 generated from the same zod schemas that validate requests, so the
 * published contract cannot drift from the code. zod-openapi renders each schema with
 * zod 4's own JSON Schema conversion and turns every schema with a `.meta({ id })` (or
 * listed in SHARED_SCHEMAS) into a `components.schemas` entry referenced by `$ref`.
 */
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from 'zod-openapi';
import { PortListSchema } from '@/lib/ports/schemas';
import { ErrorSchema, HealthSchema } from './schemas';
import { errorExample, STATUS_TEXT } from './openapi-errors';
import { INTEGRATION } from './openapi-integration';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  auth: 'none' | 'session' | 'intakeKey' | 'sessionOrIntakeKey';
  /** Stable name for generated clients; derived from the method and path when absent. */
  operationId?: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body may also be sent as text/csv (the roster import). */
  csvBody?: { header: string; example: string };
  /** The Idempotency-Key request header. */
  idempotencyKey?: 'required' | 'optional';
  /** Other request headers the route reads (the event stream's Last-Event-ID). */
  headers?: z.ZodObject;
  /** False for the few routes that never touch the database (no 503). */
  usesDatabase?: boolean;
  success: { status: number; schema: z.ZodType; contentType?: string; example?: unknown };
  bodyExample?: unknown;
  errors?: number[];
}

const routes: RouteSpec[] = [];

/** Each domain registers its routes here (see lib/api/all-routes.ts). */
export function registerRoutes(...specs: RouteSpec[]): void {
  for (const spec of specs) {
    const extra = INTEGRATION[`${spec.method} ${spec.path}`] ?? {};
    routes.push({ ...spec, ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) });
  }
}

/** Every registered route (the permission matrix and the contract tests walk them). */
export function registeredRoutes(): readonly RouteSpec[] {
  return routes;
}

registerRoutes(
  { method: 'get', path: '/api/v1/health', operationId: 'getHealth', summary: 'Liveness (no database)', tag: 'health', auth: 'none', usesDatabase: false, success: { status: 200, schema: HealthSchema, example: { status: 'ok' } } },
  { method: 'get', path: '/api/v1/ready', operationId: 'getReady', summary: 'Readiness: 200 when the database answers', tag: 'health', auth: 'none', success: { status: 200, schema: HealthSchema } },
  { method: 'get', path: '/api/v1/ports', operationId: 'listPorts', summary: 'Ports the caller may see, with their local date', tag: 'ports', auth: 'session', success: { status: 200, schema: PortListSchema }, errors: [401] },
  { method: 'get', path: '/api/v1/openapi.json', operationId: 'getOpenApiDocument', summary: 'This document', tag: 'health', auth: 'none', usesDatabase: false, success: { status: 200, schema: z.record(z.string(), z.unknown()) } },
);

const SECURITY: Record<RouteSpec['auth'], Array<Record<string, string[]>>> = {
  none: [],
  session: [{ sessionCookie: [] }],
  intakeKey: [{ intakeKey: [] }],
  sessionOrIntakeKey: [{ sessionCookie: [] }, { intakeKey: [] }],
};

const TAG_TEXT: Record<string, string> = {
  health: 'Liveness, readiness and this document',
  ports: 'Ports of entry the caller may see',
  roster: 'The day\u2019s roster and arrivals at the kiosk',
  appointments: 'One appointment: record, outcome, corrections',
  stats: 'Statistics per port-local service date',
  admin: 'Administration: capacity, ports, outcome codes, users, intake keys',
  audit: 'The append-only audit trail',
  account: 'The signed-in person\u2019s own session and password',
  intake: 'The scheduling feed (Bearer intake key)',
  review: 'Review of hoarding and duplicate flags',
};

/** "post /api/v1/appointments/{id}/check-in" -> "postAppointmentsCheckIn". */
export function defaultOperationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, '')
    .split('/')
    .filter((s) => s && !s.startsWith('{'))
    .flatMap((s) => s.split(/[-_.]/));
  return method + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** The error statuses a route can answer, beyond the ones it declares. */
function errorStatuses(r: RouteSpec): number[] {
  const statuses = new Set(r.errors ?? []);
  if (r.usesDatabase !== false) statuses.add(503);
  if (r.body) statuses.add(415).add(413).add(400);
  if (r.query || r.idempotencyKey === 'required') statuses.add(400);
  if (r.idempotencyKey) statuses.add(422);
  if (r.auth !== 'none') statuses.add(401);
  return [...statuses].sort((a, b) => a - b);
}

function operation(r: RouteSpec): ZodOpenApiOperationObject {
  const pathParams = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const responses: Record<string, ZodOpenApiResponseObject> = {
    [String(r.success.status)]: {
      description: 'Success',
      content: {
        [r.success.contentType ?? 'application/json']: {
          schema: r.success.schema,
          ...(r.success.example !== undefined ? { example: r.success.example } : {}),
        },
      },
    },
  };
  for (const status of errorStatuses(r)) {
    responses[String(status)] = {
      description: STATUS_TEXT[status] ?? 'Error',
      ...(status === 429 || status === 503 ? { headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } } } : {}),
      content: { 'application/json': { schema: ErrorSchema, example: errorExample(status) } },
    };
  }
  const idempotencyHeader = r.idempotencyKey
    ? z.object({
        'Idempotency-Key': (r.idempotencyKey === 'required' ? z.string() : z.string().optional())
          .meta({ description: 'At most 255 characters. The same key with the same body returns the stored response; with another body, 422.', example: 'booking-2026-11-25-0001' }),
      })
    : undefined;
  const header = idempotencyHeader && r.headers ? idempotencyHeader.extend(r.headers.shape) : (idempotencyHeader ?? r.headers);
  const bodyContent: Record<string, { schema: z.ZodType | { type: 'string'; description: string }; example?: unknown }> = {};
  if (r.body) bodyContent['application/json'] = { schema: r.body, ...(r.bodyExample !== undefined ? { example: r.bodyExample } : {}) };
  if (r.csvBody) bodyContent['text/csv'] = { schema: { type: 'string', description: `CSV with the header: ${r.csvBody.header}` }, example: r.csvBody.example };
  return {
    operationId: r.operationId ?? defaultOperationId(r.method, r.path),
    summary: r.summary,
    tags: [r.tag],
    security: SECURITY[r.auth],
    ...(pathParams.length || r.query || header
      ? {
          requestParams: {
            ...(pathParams.length ? { path: z.object(Object.fromEntries(pathParams.map((p) => [p, z.string()]))) } : {}),
            ...(r.query ? { query: r.query } : {}),
            ...(header ? { header } : {}),
          },
        }
      : {}),
    ...(r.body ? { requestBody: { required: true, content: bodyContent } } : {}),
    responses: responses as ZodOpenApiOperationObject['responses'],
  } as ZodOpenApiOperationObject;
}

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: ZodOpenApiPathsObject = {};
  for (const r of routes) (paths[r.path] ??= {})[r.method] = operation(r);
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Port Roster API',
        version: '1.0.0',
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
        description:
          'Scheduled appointments at ports of entry. Errors always have the shape { error: { code, message, fields? } }. ' +
          'People authenticate with the session cookie from sign-in (mutations must come from the app\u2019s own origin); ' +
          'machines use Authorization: Bearer <intake key>. A readable reference is served at /api/docs.',
      },
      servers: [{ url: '/' }],
      tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name, description: TAG_TEXT[name] ?? name })),
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' },
          intakeKey: { type: 'http', scheme: 'bearer', description: 'An intake key created by an administrator' },
        },
        schemas: { Error: ErrorSchema },
      },
      paths,
    },
    // Refinements (dates, instants) are checked by zod at run time; the document shows their base type.
    { allowEmptySchema: { custom: true } },
  ) as unknown as Record<string, unknown>;
}
