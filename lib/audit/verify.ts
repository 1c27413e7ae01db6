/**
 * Tamper evidence: recompute every port's hash chain (and the global chain of events without a port).
 *
 * One keyset-paginated pass over audit_events in id order visits each chain's events in its own id
 * order, so memory is one "last hash" per chain whatever the table size, and the primary key is the
 * only index needed. The per-chain checker (ChainVerifier) is pure: tests feed it in-memory rows.
 */
import 'server-only';
import { eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { eventHmac, preparedHmac, type HashableEvent } from './hash';
import { auditKeyring, type AuditKeyring } from './keys';

export interface VerifiableEvent extends Omit<HashableEvent, 'keyId' | 'id'> {
  id: number;
  /** Null only on rows the re-chain step has not signed yet. */
  keyId: string | null;
  hash: string | null;
}

/** What the chain logic needs of an event besides its content. */
type ChainMeta = Pick<VerifiableEvent, 'id' | 'portId' | 'chain' | 'keyId' | 'prevHash' | 'hash'>;

/** A stored event as verifyAuditChains reads it: chain fields plus the canonical text. */
export type StoredEvent = ChainMeta & { canonical: string };

export type BreakKind =
  /** The stored hash is not the HMAC of the stored content: the event was edited or forged. */
  | 'edited'
  /** The event's prevHash is not the previous event's hash: an event was deleted or events were reordered. */
  | 'broken_link'
  /** Signed with a key this verifier does not hold (another key, or a forged key id). */
  | 'unknown_key'
  /** The checkpoint's head event of this chain is gone: the tail was cut (or the chain emptied). */
  | 'checkpoint_head_missing'
  /** The checkpoint's head event is there but differs from what the checkpoint saw. */
  | 'checkpoint_head_changed'
  /** The chain holds a different number of events up to the checkpoint's head than the checkpoint saw. */
  | 'checkpoint_count'
  /** The checkpoint saw this chain; none of its events are left (a port's history deleted, TRUNCATE). */
  | 'chain_missing';

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
  /** Whether a checkpoint's chain heads were checked too. */
  checkpointChecked: boolean;
}

/** What a checkpoint recorded about one chain (lib/audit/checkpoint.ts). */
export interface CheckpointChain {
  portId: number | null;
  chain: number;
  headId: number;
  headHash: string;
  events: number;
}

interface ChainState {
  lastHash: string | null;
  summary: ChainSummary;
  expected: CheckpointChain | undefined;
  headSeen: boolean;
}

const chainKey = (portId: number | null, chain: number) => (portId === null ? -1 - chain : portId * 65_536 + chain);

/** Checks events chain by chain; feed it events in ascending id order. */
export class ChainVerifier {
  private readonly chains = new Map<number, ChainState>();
  private readonly expected = new Map<number, CheckpointChain>();
  private readonly hasCheckpoint: boolean;
  private count = 0;

  constructor(
    private readonly keyring: AuditKeyring,
    checkpoint?: readonly CheckpointChain[],
  ) {
    for (const c of checkpoint ?? []) this.expected.set(chainKey(c.portId, c.chain), c);
    this.hasCheckpoint = checkpoint !== undefined;
  }

  private breakAt(state: ChainState, event: { id: number; prevHash: string | null }, kind: BreakKind): ChainBreak {
    const b: ChainBreak = { portId: state.summary.portId, chain: state.summary.chain, eventId: event.id, kind, expectedPrevHash: state.lastHash, storedPrevHash: event.prevHash };
    state.summary.firstBreak ??= b;
    return b;
  }

  private readonly hmacs = new Map<string, (message: string) => string>();

  private hmacOf(id: string, secret: Buffer): (message: string) => string {
    let f = this.hmacs.get(id);
    if (!f) this.hmacs.set(id, (f = preparedHmac(secret)));
    return f;
  }

  /** An event as it is stored, its canonical form spelled by PostgreSQL (verifyAuditChains). */
  addStored(event: StoredEvent): ChainBreak | null {
    const key = event.keyId === null ? undefined : this.keyring.byId.get(event.keyId);
    return this.check(event, key ? this.hmacOf(key.id, key.secret)(event.canonical) : undefined);
  }

  add(event: VerifiableEvent): ChainBreak | null {
    const key = event.keyId === null ? undefined : this.keyring.byId.get(event.keyId);
    return this.check(event, key ? eventHmac(key.secret, event as HashableEvent) : undefined);
  }

  /** expected: the HMAC of the event's content under its key, undefined when the key is unknown. */
  private check(event: ChainMeta, expected: string | undefined): ChainBreak | null {
    this.count++;
    const portId = event.portId;
    const chainNo = event.chain;
    const k = chainKey(portId, chainNo);
    let state = this.chains.get(k);
    if (!state) {
      state = { lastHash: null, summary: { portId, chain: chainNo, events: 0, lastEventId: null, firstBreak: null }, expected: this.expected.get(k), headSeen: false };
      this.chains.set(k, state);
    }
    let broken: ChainBreak | null = null;
    if (expected === undefined) broken = this.breakAt(state, event, 'unknown_key');
    else if (event.hash !== expected) broken = this.breakAt(state, event, 'edited');
    else if (event.prevHash !== state.lastHash) broken = this.breakAt(state, event, 'broken_link');
    state.summary.events++;
    state.summary.lastEventId = event.id;
    const exp = state.expected;
    if (exp && !state.headSeen) {
      if (event.id === exp.headId) {
        state.headSeen = true;
        if (event.hash !== exp.headHash) broken ??= this.breakAt(state, event, 'checkpoint_head_changed');
        else if (state.summary.events !== exp.events) broken ??= this.breakAt(state, event, 'checkpoint_count');
      } else if (event.id > exp.headId) {
        // The head the checkpoint saw is gone, and later events were appended after the cut.
        state.headSeen = true;
        broken ??= this.breakAt(state, { id: exp.headId, prevHash: null }, 'checkpoint_head_missing');
      }
    }
    // Continue from what is stored, so one tampered event is reported once, not as a cascade.
    state.lastHash = event.hash;
    return broken;
  }

  get eventsChecked(): number {
    return this.count;
  }

  report(): VerifyReport {
    for (const [k, exp] of this.expected) {
      const state = this.chains.get(k);
      if (state?.headSeen) continue;
      if (!state) {
        const missing: ChainState = { lastHash: null, summary: { portId: exp.portId, chain: exp.chain, events: 0, lastEventId: null, firstBreak: null }, expected: exp, headSeen: false };
        this.chains.set(k, missing);
        this.breakAt(missing, { id: exp.headId, prevHash: null }, 'chain_missing');
      } else {
        this.breakAt(state, { id: exp.headId, prevHash: null }, 'checkpoint_head_missing');
      }
    }
    const chains = [...this.chains.values()]
      .map((c) => c.summary)
      .sort((a, b) => (a.portId ?? -1) - (b.portId ?? -1) || a.chain - b.chain);
    const breaks = chains.map((c) => c.firstBreak).filter((b): b is ChainBreak => b !== null);
    const first = breaks.reduce<ChainBreak | null>((m, b) => (m === null || b.eventId < m.eventId ? b : m), null);
    return { intact: first === null, eventsChecked: this.count, chains, firstBreak: first, checkpointChecked: this.hasCheckpoint };
  }
}

/** Pure: verify an in-memory list of events (any order; sorted by id here). */
export function verifyEvents(events: readonly VerifiableEvent[], keyring: AuditKeyring, checkpoint?: readonly CheckpointChain[]): VerifyReport {
  const verifier = new ChainVerifier(keyring, checkpoint);
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
  /** The keys to check with; default the configured ones (lib/audit/keys.ts). */
  keyring?: AuditKeyring;
  /** Id ranges fetched at once (each on its own pooled connection on PostgreSQL). */
  parallel?: number;
  /** Chain heads from a verified checkpoint file: each must still be there, unchanged. */
  checkpoint?: readonly CheckpointChain[];
}

const J = (column: string) => `coalesce(to_json(${column})::text, 'null')`;

/**
 * The canonical form of lib/audit/hash.ts canonicalEvent, spelled by PostgreSQL (to_json escapes
 * strings exactly as JSON.stringify does; jsonb::text is the stored value's own text), so the
 * verifier receives one string per event to HMAC instead of parsing a dozen columns.
 * hash.db.test.ts holds the two spellings equal on hostile strings.
 */
export const CANONICAL_SQL = sql.raw(
  [
    `'["pr-audit-1",' || id`,
    J(`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
    J('actor_id::text'),
    J('actor_role::text'),
    J('actor_label'),
    `coalesce(port_id::text, 'null')`,
    'chain::text',
    J('action'),
    J('target_type'),
    J('target_id'),
    `coalesce(before::text, 'null')`,
    `coalesce(after::text, 'null')`,
    J('reason'),
    J('request_id'),
    J('key_id'),
    J('prev_hash') + ` || ']'`,
  ].join(` || ',' || `),
);

/** One id range of events in the verifier's shape (PostgreSQL spells the canonical form). */
const selectRange = (scope: SQL | undefined, afterId: number, upToId: number) => sql`
  select id, port_id as "portId", chain, key_id as "keyId", prev_hash as "prevHash", hash, ${CANONICAL_SQL} as canonical
  from audit_events where id > ${afterId} and id <= ${upToId}${scope ? sql` and ${scope}` : sql``} order by id`;

/** Walks the stored chains in batches; never holds more than one batch in memory. */
export async function verifyAuditChains(db: DbOrTx, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const keyring = opts.keyring ?? auditKeyring();
  const batchSize = opts.batchSize ?? 5_000;
  let scope: SQL | undefined;
  if (opts.portIds) {
    const ids = opts.portIds.filter((p): p is number => p !== null);
    const parts: SQL[] = [];
    if (ids.length) parts.push(inArray(auditEvents.portId, ids));
    if (opts.portIds.includes(null)) parts.push(isNull(auditEvents.portId));
    scope = parts.length === 0 ? eq(auditEvents.id, -1) : or(...parts);
  }
  const inScope = (portId: number | null) => !opts.portIds || opts.portIds.includes(portId);
  const verifier = new ChainVerifier(keyring, opts.checkpoint?.filter((c) => inScope(c.portId)));
  const [bounds] = await queryRows<{ lo: number | string; hi: number | string }>(
    db,
    sql`select coalesce(min(id), 0) as lo, coalesce(max(id), 0) as hi from audit_events${scope ? sql` where ${scope}` : sql``}`,
  );
  const hi = Number(bounds?.hi ?? 0);
  let from = Number(bounds?.lo ?? 0) - 1;
  // Id ranges, not keyset pages, so several can be in flight on separate connections (the
  // database spells the next ranges while this process hashes the current one); results are still
  // consumed in id order. Events appended after the start are left to the next run.
  const inFlight: Promise<StoredEvent[]>[] = [];
  const request = () => {
    inFlight.push(queryRows<StoredEvent>(db, selectRange(scope, from, Math.min(from + batchSize, hi))));
    from += batchSize;
  };
  while (inFlight.length < (opts.parallel ?? 3) && from < hi) request();
  while (inFlight.length > 0) {
    const rows = await inFlight.shift()!;
    if (from < hi) request();
    for (const row of rows) {
      row.id = Number(row.id); // bigint arrives as text from postgres.js
      verifier.addStored(row);
    }
    if (rows.length > 0) opts.onProgress?.(verifier.eventsChecked);
  }
  return verifier.report();
}

const KIND_TEXT: Record<BreakKind, string> = {
  edited: 'its content does not match its keyed hash (edited or forged)',
  broken_link: 'its previous-hash does not match the event before it (an event was deleted or reordered)',
  unknown_key: 'it is signed with a key this verifier does not hold (another AUDIT_HMAC_KEY, or forged)',
  checkpoint_head_missing: 'the chain head the checkpoint saw is gone (events were cut off)',
  checkpoint_head_changed: 'the chain head differs from the one the checkpoint saw',
  checkpoint_count: 'the chain holds a different number of events up to the checkpoint head than the checkpoint saw',
  chain_missing: 'no event of a chain the checkpoint saw is left (history deleted or table emptied)',
};

/** One line per problem, or "intact, N events checked". */
export function describeReport(report: VerifyReport, portLabel: (portId: number | null) => string = (p) => (p === null ? 'global' : `port ${p}`)): string {
  const against = report.checkpointChecked ? ', every chain head of the checkpoint present and unchanged' : '';
  if (report.intact) return `intact, ${report.eventsChecked} events checked (${report.chains.length} chains${against})`;
  const lines = report.chains
    .filter((c) => c.firstBreak)
    .map((c) => `BROKEN ${portLabel(c.portId)} chain ${c.chain}: first broken event id ${c.firstBreak!.eventId}: ${KIND_TEXT[c.firstBreak!.kind]}`);
  return [...lines, `${report.eventsChecked} events checked (${report.chains.length} chains); first broken event id ${report.firstBreak!.eventId}`].join('\n');
}
