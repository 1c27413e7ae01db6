/**
 * `npm run audit:checkpoint -- --out FILE`: sign the head of every audit chain into FILE (and
 * record it in audit_checkpoints). Ship FILE off the machine; `npm run audit:verify -- --checkpoint
 * FILE` later proves nothing the checkpoint saw was cut, deleted or changed.
 * Exit 0 written, 1 could not.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openFromEnv } from '@/db/client';
import { storeCheckpoint, takeCheckpoint } from '@/lib/audit/checkpoint';
import { auditKeyring } from '@/lib/audit/keys';
import { runCommand } from './lib/run-command';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) {
    console.error('usage: npm run audit:checkpoint -- --out FILE');
    return 1;
  }
  const handle = await openFromEnv();
  try {
    const doc = await takeCheckpoint(handle.db, auditKeyring());
    // 'wx': never overwrite an earlier checkpoint by mistake.
    writeFileSync(values.out, `${JSON.stringify(doc, null, 1)}\n`, { flag: 'wx' });
    await storeCheckpoint(handle.db, doc);
    console.log(`Checkpoint written to ${values.out}: ${doc.events} events in ${doc.chains.length} chains, up to event id ${doc.maxEventId}.`);
    return 0;
  } finally {
    await handle.close();
  }
}

runCommand('Checkpoint failed', main);
