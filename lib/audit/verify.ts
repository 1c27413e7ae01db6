/**
 * Tamper evidence: recompute every port's hash chain (and the global chain of events without a port).
 *
 * One keyset-paginated pass over audit_events in id order visits each chain's events in its own id
 * order, so memory is one "last hash" per chain whatever the table size, and the primary key is the
 * only index needed. The per-chain checker (ChainVerifier) is pure: tests feed it in-memory rows.
 */
import { and, asc, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { eventHash, type HashableEvent } from './hash';

export interface VerifiableEvent extends HashableEvent {
  id: number;
  /** Which of the port's chains (lib/audit/record.ts); rows written before chains existed are 0. */
  chain?: number;
  prevHash: string | null;
  hash: string | null;
}

export type BreakKind =
  /** The stored hash is not the hash of the stored content: the event was edited. */
  | 'edited'
  /** The event's prevHash is not the previous event's hash: an event was deleted or events were reordered. */
  | 'broken_link';

export interface ChainBreak {
  /** Port id of the chain, or null for the global chain. */
  portId: number | null;
  chain: number;
  eventId: number;
  kind: BreakKind;
  expectedPrevHash: string | null;
  storedPrevHash: string | null;
}

export interface ChainSummary {
  portId: number | null;
  chain: number;
  events: number;
  lastEventId: number | null;
  /** The first broken event of this chain, if any. */
  firstBreak: ChainBreak | null;
}

export interface VerifyReport {
  intact: boolean;
  eventsChecked: number;
  chains: ChainSummary[];
  /** The first broken event in id order over all chains, if any. */
  firstBreak: ChainBreak | null;
}

/** Exactly the fields the writer hashed (lib/audit/record.ts), nothing more. */
export function hashable(e: VerifiableEvent): HashableEvent {
  return {
    at: e.at,
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
  };
}

/** Checks events chain by chain; feed it events in ascending id order. */
export class ChainVerifier {
  private readonly chains = new Map<string, { lastHash: string | null; summary: ChainSummary }>();
  private count = 0;
  private first: ChainBreak | null = null;

  add(event: VerifiableEvent): ChainBreak | null {
    this.count++;
    const portId = event.portId;
    const chainNo = event.chain ?? 0;
    const key = `${portId ?? 'global'}:${chainNo}`;
    let chain = this.chains.get(key);
    if (!chain) {
      chain = { lastHash: null, summary: { portId, chain: chainNo, events: 0, lastEventId: null, firstBreak: null } };
      this.chains.set(key, chain);
    }
    const expectedPrev = chain.lastHash;
    let broken: ChainBreak | null = null;
    const recomputed = eventHash(event.prevHash, hashable(event));
    if (event.hash !== recomputed) {
      broken = { portId, chain: chainNo, eventId: event.id, kind: 'edited', expectedPrevHash: expectedPrev, storedPrevHash: event.prevHash };
    } else if (event.prevHash !== expectedPrev) {
      broken = { portId, chain: chainNo, eventId: event.id, kind: 'broken_link', expectedPrevHash: expectedPrev, storedPrevHash: event.prevHash };
    }
    chain.summary.events++;
    chain.summary.lastEventId = event.id;
    // Continue from what is stored, so one tampered event is reported once, not as a cascade.
    chain.lastHash = event.hash;
    if (broken) {
      chain.summary.firstBreak ??= broken;
      this.first ??= broken;
    }
    return broken;
  }

  get eventsChecked(): number {
    return this.count;
  }

  report(): VerifyReport {
    const chains = [...this.chains.values()]
      .map((c) => c.summary)
      .sort((a, b) => (a.portId ?? -1) - (b.portId ?? -1) || a.chain - b.chain);
    return { intact: this.first === null, eventsChecked: this.count, chains, firstBreak: this.first };
  }
}

/** Pure: verify an in-memory list of events (any order; sorted by id here). */
export function verifyEvents(events: readonly VerifiableEvent[]): VerifyReport {
  const verifier = new ChainVerifier();
  for (const e of [...events].sort((a, b) => a.id - b.id)) verifier.add(e);
  return verifier.report();
}

export interface VerifyOptions {
  /** Rows fetched per query (keyset pagination on id). */
  batchSize?: number;
  /** Only these chains (port ids; null for the global chain). Default: every chain. */
  portIds?: (number | null)[];
  /** Called after each batch with the running count (progress on long runs). */
  onProgress?: (eventsChecked: number) => void;
}

const COLUMNS = {
  id: auditEvents.id,
  at: auditEvents.at,
  actorId: auditEvents.actorId,
  actorRole: auditEvents.actorRole,
  portId: auditEvents.portId,
  chain: auditEvents.chain,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  before: auditEvents.before,
  after: auditEvents.after,
  reason: auditEvents.reason,
  requestId: auditEvents.requestId,
  prevHash: auditEvents.prevHash,
  hash: auditEvents.hash,
};

/** Walks the stored chains in batches; never holds more than one batch in memory. */
export async function verifyAuditChains(db: DbOrTx, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const batchSize = opts.batchSize ?? 5_000;
  let scope: SQL | undefined;
  if (opts.portIds) {
    const ids = opts.portIds.filter((p): p is number => p !== null);
    const parts: SQL[] = [];
    if (ids.length) parts.push(inArray(auditEvents.portId, ids));
    if (opts.portIds.includes(null)) parts.push(isNull(auditEvents.portId));
    scope = parts.length === 0 ? eq(auditEvents.id, -1) : or(...parts);
  }
  const verifier = new ChainVerifier();
  const fetchAfter = (lastId: number) =>
    db
      .select(COLUMNS)
      .from(auditEvents)
      .where(and(gt(auditEvents.id, lastId), scope))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize)
      .execute(); // starts the query now (a drizzle builder alone runs only when awaited)
  let next = fetchAfter(0);
  for (;;) {
    const rows = await next;
    const full = rows.length === batchSize;
    // Ask for the next batch before hashing this one, so the database works while we hash.
    if (full) next = fetchAfter(rows[rows.length - 1]!.id);
    for (const row of rows) verifier.add(row);
    if (rows.length > 0) opts.onProgress?.(verifier.eventsChecked);
    if (!full) break;
  }
  return verifier.report();
}

const KIND_TEXT: Record<BreakKind, string> = {
  edited: 'its content does not match its hash (edited)',
  broken_link: 'its previous-hash does not match the event before it (an event was deleted or reordered)',
};

/** One line per problem, or "intact, N events checked". */
export function describeReport(report: VerifyReport, portLabel: (portId: number | null) => string = (p) => (p === null ? 'global' : `port ${p}`)): string {
  if (report.intact) return `intact, ${report.eventsChecked} events checked (${report.chains.length} chains)`;
  const lines = report.chains
    .filter((c) => c.firstBreak)
    .map((c) => `BROKEN ${portLabel(c.portId)} chain ${c.chain}: first broken event id ${c.firstBreak!.eventId}: ${KIND_TEXT[c.firstBreak!.kind]}`);
  return [...lines, `${report.eventsChecked} events checked (${report.chains.length} chains); first broken event id ${report.firstBreak!.eventId}`].join('\n');
}
