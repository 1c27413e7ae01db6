/**
 * The operator's commands end to end (real processes, PostgreSQL only: an in-memory PGlite is not
 * reachable from another process): exit 0 intact, 2 broken, 1 could not run, and a bad checkpoint
 * file is never "intact".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { createPort } from '@/lib/testing/factories';
import { ownerDb } from '@/lib/testing/owner';
import { signCheckpoint, type CheckpointDocument } from './checkpoint-file';
import { keyringFrom } from './keys';
import { SYSTEM_ACTOR } from './actor';
import { recordAudit } from './record';

const onPostgres = Boolean(process.env.MIGRATION_DATABASE_URL);
const dir = mkdtempSync(path.join(tmpdir(), 'portroster-checkpoint-'));

function run(script: 'verify' | 'checkpoint', args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', `scripts/audit-${script}.ts`, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(!onPostgres)('npm run audit:checkpoint and audit:verify --checkpoint', () => {
  it('exit codes for intact, bad files and a cut trail', async () => {
    const db = await getDb();
    const port = await createPort();
    for (let i = 0; i < 5; i++) await db.transaction((tx) => recordAudit(tx, SYSTEM_ACTOR, { action: `test.${i}`, targetType: 'test', targetId: 't', portId: port.id }));
    const file = path.join(dir, 'cp.json');
    expect(run('checkpoint', ['--out', file])).toMatchObject({ code: 0 });
    expect(run('checkpoint', ['--out', file]).code).toBe(1); // never overwrites
    const good = run('verify', ['--checkpoint', file]);
    expect(good.out).toContain('intact');
    expect(good.code).toBe(0);

    const doc = JSON.parse(readFileSync(file, 'utf8')) as CheckpointDocument;
    const write = (name: string, text: string) => {
      const p = path.join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    const { signature: _s, format: _f, keyId: _k, ...body } = doc; // eslint-disable-line @typescript-eslint/no-unused-vars
    const otherKey = keyringFrom('another-key-0123456789abcdef-0123456789ab').current;
    const cases: Array<[string, string, number[], RegExp]> = [
      ['missing file', path.join(dir, 'nope.json'), [1], /cannot read/],
      ['truncated file', write('truncated.json', readFileSync(file, 'utf8').slice(0, 80)), [1], /not valid JSON/],
      ['not a checkpoint', write('other.json', '{"hello": 1}'), [1], /not a Port Roster audit checkpoint/],
      ['edited count, old signature', write('edited.json', JSON.stringify({ ...doc, events: doc.events - 1 })), [2], /signature does not match/],
      ['signed with another key', write('otherkey.json', JSON.stringify(signCheckpoint(otherKey, body))), [1], /does not hold/],
      ['forged key id, another key', write('forged.json', JSON.stringify({ ...signCheckpoint(otherKey, body), keyId: doc.keyId })), [2], /signature does not match/],
      ['from another database', write('otherdb.json', JSON.stringify(signCheckpoint(keyringFrom(process.env.AUDIT_HMAC_KEY!).current, { ...body, installationId: '00000000-0000-4000-8000-000000000000' }))), [1], /another database/],
    ];
    for (const [name, p, codes, message] of cases) {
      const r = run('verify', ['--checkpoint', p]);
      expect(codes, `${name}: ${r.out}`).toContain(r.code);
      expect(r.out, name).toMatch(message);
      expect(r.out, name).not.toMatch(/: intact/);
    }

    // Verifying with another key: the events are not ours.
    expect(run('verify', [], { AUDIT_HMAC_KEY: 'another-key-0123456789abcdef-0123456789ab' }).code).toBe(2);

    // Cut the chain's last event: links alone still pass, the checkpoint does not.
    const owner = await ownerDb();
    await owner.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger user`);
      await tx.execute(sql`delete from audit_events where id = (select max(id) from audit_events where port_id = ${port.id})`);
      await tx.execute(sql`alter table audit_events enable trigger user`);
    });
    expect(run('verify', []).code).toBe(0);
    const cut = run('verify', ['--checkpoint', file]);
    expect(cut.code).toBe(2);
    expect(cut.out).toMatch(/BROKEN .* chain head the checkpoint saw is gone/);
  }, 120_000);
});
