/**
 * OpenAPI 3.1 generated from the same zod schemas that validate requests, so the
 * published contract cannot drift from the code.
 */
import { z } from 'zod';
import { PortListSchema } from '@/lib/ports/schemas';
import { ErrorSchema, HealthSchema } from './schemas';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  auth: 'none' | 'session' | 'intakeKey' | 'sessionOrIntakeKey';
  query?: z.ZodObject;
  body?: z.ZodType;
  success: { status: number; schema: z.ZodType; contentType?: string };
  errors?: number[];
}

const routes: RouteSpec[] = [];

/** Each domain registers its routes here (see lib/api/routes.ts). */
export function registerRoutes(...specs: RouteSpec[]): void {
  routes.push(...specs);
}

registerRoutes(
  { method: 'get', path: '/api/v1/health', summary: 'Liveness (no database)', tag: 'health', auth: 'none', success: { status: 200, schema: HealthSchema } },
  { method: 'get', path: '/api/v1/ready', summary: 'Readiness: 200 when the database answers', tag: 'health', auth: 'none', success: { status: 200, schema: HealthSchema }, errors: [503] },
  { method: 'get', path: '/api/v1/ports', summary: 'Ports the caller may see, with their local date', tag: 'ports', auth: 'session', success: { status: 200, schema: PortListSchema }, errors: [401] },
  { method: 'get', path: '/api/v1/openapi.json', summary: 'This document', tag: 'health', auth: 'none', success: { status: 200, schema: z.record(z.string(), z.unknown()) } },
);

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

const SECURITY: Record<RouteSpec['auth'], Array<Record<string, string[]>>> = {
  none: [],
  session: [{ sessionCookie: [] }],
  intakeKey: [{ intakeKey: [] }],
  sessionOrIntakeKey: [{ sessionCookie: [] }, { intakeKey: [] }],
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Validation error', 401: 'Not signed in', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict',
  412: 'Stale version', 413: 'Payload too large', 422: 'Idempotency mismatch', 429: 'Rate limited', 503: 'Unavailable',
};

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = toSchema(ErrorSchema, 'output');
  for (const r of routes) {
    const parameters = [
      ...[...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...(r.query
        ? Object.entries(r.query.shape).map(([name, s]) => ({
            name,
            in: 'query',
            required: !(s as z.ZodType).safeParse(undefined).success,
            schema: toSchema(s as z.ZodType, 'input'),
          }))
        : []),
    ];
    const responses: Record<string, unknown> = {
      [String(r.success.status)]: {
        description: 'Success',
        content: { [r.success.contentType ?? 'application/json']: { schema: toSchema(r.success.schema, 'output') } },
      },
    };
    for (const status of r.errors ?? []) {
      responses[String(status)] = { description: STATUS_TEXT[status] ?? 'Error', content: { 'application/json': { schema: errorSchema } } };
    }
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security: SECURITY[r.auth],
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Port Roster API', version: '1.0.0', description: 'Scheduled appointments at ports of entry. Errors always have the shape { error: { code, message, fields? } }.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' },
        intakeKey: { type: 'http', scheme: 'bearer' },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
