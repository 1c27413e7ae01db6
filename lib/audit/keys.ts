/**
 * The audit HMAC keys. AUDIT_HMAC_KEY signs new events and checkpoints; AUDIT_HMAC_OLD_KEYS
 * (comma-separated) only verify what older keys signed. Each event stores its key's id, a
 * fingerprint that names the key without revealing it.
 *
 * Without AUDIT_HMAC_KEY (never in production, lib/env.ts refuses) a key is generated once and
 * kept beside the embedded data, so `npm run dev` stays zero-setup and its chain verifies later.
 */
import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env, type Env } from '@/lib/env';

export interface AuditKey {
  id: string;
  secret: Buffer;
}

export interface AuditKeyring {
  current: AuditKey;
  byId: ReadonlyMap<string, AuditKey>;
}

export function auditKeyId(secret: Buffer): string {
  return `k${createHmac('sha256', secret).update('port-roster audit key id').digest('hex').slice(0, 16)}`;
}

function key(secret: string | Buffer): AuditKey {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  return { id: auditKeyId(bytes), secret: bytes };
}

export function keyringFrom(current: string | Buffer, older: readonly (string | Buffer)[] = []): AuditKeyring {
  const cur = key(current);
  const byId = new Map<string, AuditKey>();
  for (const k of [cur, ...older.map(key)]) byId.set(k.id, k);
  return { current: cur, byId };
}

/** The generated development key's file: beside the embedded data folder (e.g. .data/audit-hmac.key). */
export function generatedKeyFile(e: Env): string | null {
  if (e.PGLITE_DIR.startsWith('memory://')) return null;
  return path.join(path.dirname(path.resolve(e.PGLITE_DIR)), 'audit-hmac.key');
}

function generatedKey(e: Env): string {
  const file = generatedKeyFile(e);
  if (!file) return (memoryKey ??= randomBytes(32).toString('hex'));
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': two processes starting at once must end up with the same key, not two.
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return fs.readFileSync(file, 'utf8').trim();
  }
}

let memoryKey: string | undefined;
let cached: { for: Env; ring: AuditKeyring } | undefined;

export function auditKeyring(): AuditKeyring {
  const e = env();
  if (cached?.for === e) return cached.ring;
  const older = (e.AUDIT_HMAC_OLD_KEYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const ring = keyringFrom(e.AUDIT_HMAC_KEY ?? generatedKey(e), older);
  cached = { for: e, ring };
  return ring;
}
