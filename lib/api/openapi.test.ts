/**
 * The published OpenAPI document is loadable by real tools: a validator finds 0 errors, every
 * $ref resolves, every route file under app/api/v1 appears, and each operation declares what an
 * integrator needs (operationId, auth, error codes by $ref, 503/415/400 where they can happen).
 */
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './all-routes';
import { registeredRoutes } from './openapi';
import { apiRouteFiles } from '../../e2e/support/api-routes';

type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string }; example?: unknown }> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

const doc = buildOpenApiDocument() as unknown as Doc;
const operations = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ key: `${m} ${p}`, op })));

/** Every method exported by a route.ts under app/api/v1, as "method /path/{}" (the one folder walk, shared with the e2e specs). */
function routesOnDisk(): string[] {
  return apiRouteFiles()
    .map((r) => `${r.method.toLowerCase()} ${r.route.replace(/\[[^\]]+\]/g, '{}')}`)
    .sort();
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('passes @readme/openapi-parser with no errors and no warnings', async () => {
    // validate() dereferences the document it is given: hand it a copy.
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : compileErrors(result)).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('has every $ref pointing at a components.schemas entry that exists, and no $defs', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(100);
    const broken = refs.filter((r) => !(r.startsWith('#/components/schemas/') && r.slice('#/components/schemas/'.length) in doc.components.schemas));
    expect(broken).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('$defs');
  });

  it('lists every route file under app/api/v1, and nothing that has no route file', () => {
    const documented = operations.map((o) => o.key.replace(/\{[^}]+\}/g, '{}')).sort();
    expect(documented).toEqual(routesOnDisk());
  });

  it('gives each operation a unique operationId, its auth and its error responses by $ref', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, op } of operations) {
      expect(Array.isArray(op.security), key).toBe(true);
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        expect(response.content?.['application/json']?.schema?.$ref, `${key} ${status}`).toBe('#/components/schemas/Error');
        expect(response.content?.['application/json']?.example, `${key} ${status}`).toBeDefined();
      }
    }
  });

  it('declares 503 wherever the database is used, 415 and 400 wherever a body is parsed, 401 wherever auth is needed', () => {
    for (const spec of registeredRoutes()) {
      const op = doc.paths[spec.path]![spec.method]!;
      const statuses = Object.keys(op.responses);
      const key = `${spec.method} ${spec.path}`;
      if (spec.usesDatabase !== false) expect(statuses, key).toContain('503');
      if (spec.body) expect(statuses, key).toEqual(expect.arrayContaining(['400', '413', '415']));
      if (spec.query) expect(statuses, key).toContain('400');
      if (spec.auth !== 'none') {
        expect(statuses, key).toContain('401');
        expect(op.security?.length, key).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(doc.paths['/api/v1/health']!.get!.responses)).toEqual(['200']);
  });

  it('declares the Idempotency-Key header, the text/csv roster body and examples for integrators', () => {
    const booking = doc.paths['/api/v1/intake/bookings']!.post!;
    expect(booking.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }));
    expect(booking.responses['422']).toBeDefined();
    const checkIn = doc.paths['/api/v1/appointments/{id}/check-in']!.post!;
    expect(checkIn.parameters?.find((p) => p.name === 'Idempotency-Key')?.required ?? false).toBe(false);
    const roster = doc.paths['/api/v1/intake/rosters']!.post!;
    expect(Object.keys(roster.requestBody!.content).sort()).toEqual(['application/json', 'text/csv']);
    expect(JSON.stringify(roster.requestBody!.content['text/csv'])).toContain('port,confirmation_code,scheduled_at');
    expect(doc.components.schemas).toHaveProperty('Error');
    expect(doc.components.schemas).toHaveProperty('Appointment');
    expect(doc.components.schemas).toHaveProperty('BookingRequest');
  });
});
