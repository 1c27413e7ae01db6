/**
 * `npm run audit:verify [-- --checkpoint FILE]`: walk every audit hash chain, check each event's
 * keyed hash and link, and (with a checkpoint) that every chain head the checkpoint saw is still
 * there unchanged. Reports the first broken event of each chain, or "intact".
 * Exit code 0 when intact, 2 when broken, 1 when it could not run.
 * Against the embedded database, stop the app first (PGlite is one process).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openFromEnv } from '@/db/client';
import { ports } from '@/db/schema';
import { env } from '@/lib/env';
import { installationId } from '@/lib/audit/checkpoint';
import { CheckpointError, openCheckpoint } from '@/lib/audit/checkpoint-file';
import { auditKeyring } from '@/lib/audit/keys';
import { describeReport, verifyAuditChains, type CheckpointChain } from '@/lib/audit/verify';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { checkpoint: { type: 'string' } } });
  const e = env();
  const keyring = auditKeyring();
  let text: string | undefined;
  if (values.checkpoint !== undefined) {
    try {
      text = readFileSync(values.checkpoint, 'utf8');
    } catch (error) {
      throw new CheckpointError(`cannot read the checkpoint file ${values.checkpoint}: ${(error as Error).message}`, 1);
    }
  }
  const handle = await openFromEnv();
  try {
    let checkpoint: CheckpointChain[] | undefined;
    if (text !== undefined) {
      const doc = openCheckpoint(text, keyring, await installationId(handle.db));
      checkpoint = doc.chains;
      console.log(`Checkpoint of ${doc.takenAt}: ${doc.events} events in ${doc.chains.length} chains, up to event id ${doc.maxEventId}.`);
    }
    const portRows = await handle.db.select({ id: ports.id, slug: ports.slug }).from(ports);
    const slugById = new Map(portRows.map((p) => [p.id, p.slug]));
    const started = performance.now();
    let lastPrinted = 0;
    const report = await verifyAuditChains(handle.db, {
      keyring,
      batchSize: 10_000,
      checkpoint,
      onProgress: (n) => {
        if (n - lastPrinted < 100_000) return;
        lastPrinted = n;
        const rate = Math.round(n / ((performance.now() - started) / 1000));
        process.stderr.write(process.stderr.isTTY ? `\r${n} events checked (${rate}/s)…` : `${n} events checked (${rate}/s)\n`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (lastPrinted > 0 && process.stderr.isTTY) process.stderr.write('\n');
    const where = handle.kind === 'pglite' ? `embedded database in ${e.PGLITE_DIR}` : 'PostgreSQL';
    console.log(`Audit trail (${where}): ${describeReport(report, (id) => (id === null ? 'global' : `${slugById.get(id) ?? `#${id}`}`))}`);
    if (!checkpoint) console.log('No checkpoint given: cut-off tails and deleted chains cannot be detected (use --checkpoint FILE).');
    const rate = seconds > 0 ? Math.round(report.eventsChecked / seconds) : report.eventsChecked;
    console.log(`Verified in ${seconds.toFixed(2)} s (${rate} events/s).`);
    return report.intact ? 0 : 2;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CheckpointError) {
      console.error(`Audit verification ${error.exitCode === 2 ? 'FAILED' : 'could not run'}: ${error.message}`);
      process.exit(error.exitCode);
    }
    console.error(`Audit verification failed to run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
