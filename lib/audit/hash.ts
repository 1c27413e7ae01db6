/** Pure hash-chain arithmetic for audit events (shared by the writer and the verifier). */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
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
