/**
 * The checkpoint file: for every audit chain its head id, head hash and event count, signed with
 * the audit key and bound to this database's installation id. Pure (no database): the CLI, the
 * admin download and the tests share it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './hash';
import type { AuditKey, AuditKeyring } from './keys';
import type { CheckpointChain } from './verify';

export const CHECKPOINT_FORMAT = 'port-roster-audit-checkpoint/1';

const ChainSchema = z.object({
  portId: z.number().int().nullable(),
  chain: z.number().int().min(0),
  headId: z.number().int().positive(),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  events: z.number().int().positive(),
});

const DocumentSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  installationId: z.string().uuid(),
  takenAt: z.string().datetime({ offset: true }),
  keyId: z.string().min(1),
  maxEventId: z.number().int().min(0),
  events: z.number().int().min(0),
  chains: z.array(ChainSchema),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});

export type CheckpointDocument = z.infer<typeof DocumentSchema>;
export type CheckpointBody = Omit<CheckpointDocument, 'signature' | 'format' | 'keyId'>;

/** Why a checkpoint cannot be used; exitCode 1 = could not check, 2 = the file itself was altered. */
export class CheckpointError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

function sign(secret: Buffer, unsigned: Omit<CheckpointDocument, 'signature'>): string {
  return createHmac('sha256', secret).update(canonicalJson(unsigned)).digest('hex');
}

export function signCheckpoint(key: AuditKey, body: CheckpointBody): CheckpointDocument {
  const unsigned = { format: CHECKPOINT_FORMAT, keyId: key.id, ...body } as const;
  return { ...unsigned, signature: sign(key.secret, unsigned) };
}

/**
 * Parses and authenticates a checkpoint file's text. Never returns for a file that is not exactly
 * what this installation's key signed.
 */
export function openCheckpoint(text: string, keyring: AuditKeyring, installationId: string): CheckpointDocument & { chains: CheckpointChain[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CheckpointError('the checkpoint file is not valid JSON (truncated or not a checkpoint)', 1);
  }
  const parsed = DocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'document';
    throw new CheckpointError(`the checkpoint file is not a Port Roster audit checkpoint (${where}: ${parsed.error.issues[0]?.message})`, 1);
  }
  const doc = parsed.data;
  const key = keyring.byId.get(doc.keyId);
  if (!key) throw new CheckpointError(`the checkpoint is signed with key ${doc.keyId}, which this verifier does not hold (another AUDIT_HMAC_KEY?)`, 1);
  const { signature, ...unsigned } = doc;
  const expected = Buffer.from(sign(key.secret, unsigned), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    throw new CheckpointError('the checkpoint signature does not match its content: the file was altered or signed with another key', 2);
  }
  if (doc.installationId !== installationId) {
    throw new CheckpointError(`the checkpoint is from another database (installation ${doc.installationId}; this database is ${installationId})`, 1);
  }
  return doc;
}
