/** Pure hash-chain arithmetic for audit events (shared by the writer and the verifier). */
import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so jsonb's reordering cannot change a hash.
 * Written as plain loops: the verifier runs it once per stored event (millions).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += value[i] === undefined ? 'null' : canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

export interface HashableEvent {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  portId: number | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
}

export function eventHash(prevHash: string | null, event: HashableEvent): string {
  const content = canonicalJson({ ...event, at: event.at.toISOString(), prevHash });
  return createHash('sha256').update(content).digest('hex');
}
