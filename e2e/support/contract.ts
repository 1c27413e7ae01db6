/**
 * Checks a real API response against the served OpenAPI document: the status must be declared
 * for that operation and the body must match the declared schema (JSON Schema 2020-12, with the
 * document's components in scope so every $ref resolves as an integrator's tool would resolve it).
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { APIResponse } from '@playwright/test';

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object };

export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  private readonly cache = new Map<string, ReturnType<Ajv2020['compile']>>();
  readonly seen = new Set<string>();

  constructor(private readonly doc: Doc) {}

  /** The documented path template a concrete URL path matches ("/api/v1/appointments/{id}"). */
  template(urlPath: string): string | undefined {
    const segments = urlPath.split('/');
    return Object.keys(this.doc.paths).find((t) => {
      const parts = t.split('/');
      return parts.length === segments.length && parts.every((p, i) => p.startsWith('{') || p === segments[i]);
    });
  }

  /** Problems found in one response (an empty list when it honours the contract). */
  async problems(method: string, url: string, response: APIResponse): Promise<string[]> {
    const { pathname } = new URL(url, 'http://x');
    const template = this.template(pathname);
    const label = `${method} ${pathname} -> ${response.status()}`;
    if (!template) return [`${label}: path not in the document`];
    const operation = this.doc.paths[template]![method.toLowerCase()];
    if (!operation) return [`${label}: method not in the document`];
    const declared = operation.responses[String(response.status())];
    if (!declared) return [`${label}: status not declared (declared: ${Object.keys(operation.responses).join(', ')})`];
    this.seen.add(`${method.toLowerCase()} ${template} ${response.status()}`);
    const type = (response.headers()['content-type'] ?? '').split(';')[0]!.trim();
    const media = declared.content?.[type];
    if (!media) return [`${label}: content type ${type} not declared`];
    if (type !== 'application/json') return [];
    const key = `${method} ${template} ${response.status()}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile({ ...media.schema, components: this.doc.components });
      this.cache.set(key, validate);
    }
    const body: unknown = await response.json();
    return validate(body) ? [] : [`${label}: ${this.ajv.errorsText(validate.errors)}`];
  }
}
