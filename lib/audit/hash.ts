/** Pure hash-chain arithmetic for audit events (shared by the writer, the verifier and the re-chain step). */
import { createHash, createHmac } from 'node:crypto';

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

/**
 * Every column of audit_events that says anything; only `hash` itself is left out. `at` is the
 * ISO instant in UTC with milliseconds; `before`/`after` are PostgreSQL's own text of the stored
 * jsonb (`jsonb::text`: keys in a fixed order, one spelling per value), so the verifier hashes what
 * it reads without parsing and re-serialising millions of JSON documents.
 */
export interface HashableEvent {
  id: number | string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  actorLabel: string | null;
  portId: number | null;
  chain: number;
  action: string;
  targetType: string;
  targetId: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  requestId: string | null;
  keyId: string;
  prevHash: string | null;
}

const s = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));

/**
 * The signed form: a JSON array in a fixed order behind a version tag, each field JSON-encoded,
 * so no two different events (or field boundaries) can give the same text.
 */
export function canonicalEvent(e: HashableEvent): string {
  return `["pr-audit-1",${e.id},${JSON.stringify(e.at)},${s(e.actorId)},${s(e.actorRole)},${s(e.actorLabel)},${e.portId === null ? 'null' : e.portId},${e.chain},${JSON.stringify(e.action)},${JSON.stringify(e.targetType)},${s(e.targetId)},${e.before ?? 'null'},${e.after ?? 'null'},${s(e.reason)},${s(e.requestId)},${JSON.stringify(e.keyId)},${s(e.prevHash)}]`;
}

/** hash = HMAC-SHA256(key, canonical(event)): without the key nobody can recompute it after an edit. */
export function eventHmac(secret: Buffer, e: HashableEvent): string {
  return createHmac('sha256', secret).update(canonicalEvent(e)).digest('hex');
}

/** The fields the unkeyed hash of events written before issue 13 covered. */
export type LegacyHashableEvent = Pick<HashableEvent, 'actorId' | 'actorRole' | 'portId' | 'action' | 'targetType' | 'targetId' | 'reason' | 'requestId'> & {
  at: Date;
  before: unknown;
  after: unknown;
};

/** The old unkeyed SHA-256, kept only so the re-chain step can check old rows before re-signing them. */
export function legacyEventHash(prevHash: string | null, e: LegacyHashableEvent): string {
  const content = canonicalJson({
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    portId: e.portId,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    before: e.before,
    after: e.after,
    reason: e.reason,
    requestId: e.requestId,
    prevHash,
  });
  return createHash('sha256').update(content).digest('hex');
}

/**
 * HMAC-SHA256 (RFC 2104) with the key's padded inner and outer blocks hashed once: each message
 * then costs two cheap copies of a prepared hash instead of a new createHmac (which set up the key
 * again and dominated the verifier's profile). Equal to createHmac('sha256', secret); tested so.
 */
export function preparedHmac(secret: Buffer): (message: string) => string {
  const block = Buffer.alloc(64);
  (secret.length > 64 ? createHash('sha256').update(secret).digest() : secret).copy(block);
  const inner = createHash('sha256').update(block.map((b) => b ^ 0x36));
  const outer = createHash('sha256').update(block.map((b) => b ^ 0x5c));
  return (message) => outer.copy().update(inner.copy().update(message).digest()).digest('hex');
}
