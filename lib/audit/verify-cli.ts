/**
 * `npm run audit:verify`: walk every audit hash chain and report the first broken event of each,
 * or "intact, N events checked". Exit code 0 when intact, 2 when broken, 1 when it could not run.
 * Against the embedded database, stop the app first (PGlite is one process).
 */
import { openFromEnv } from '@/db/client';
import { ports } from '@/db/schema';
import { env } from '@/lib/env';
import { describeReport, verifyAuditChains } from './verify';

async function main(): Promise<number> {
  const e = env();
  const handle = await openFromEnv();
  try {
    const portRows = await handle.db.select({ id: ports.id, slug: ports.slug }).from(ports);
    const slugById = new Map(portRows.map((p) => [p.id, p.slug]));
    const started = performance.now();
    let lastPrinted = 0;
    const report = await verifyAuditChains(handle.db, {
      batchSize: 10_000,
      onProgress: (n) => {
        if (process.stderr.isTTY && n - lastPrinted >= 100_000) {
          lastPrinted = n;
          process.stderr.write(`\r${n} events checked…`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (lastPrinted > 0) process.stderr.write('\n');
    const where = handle.kind === 'pglite' ? `embedded database in ${e.PGLITE_DIR}` : 'PostgreSQL';
    console.log(`Audit trail (${where}): ${describeReport(report, (id) => (id === null ? 'global' : `${slugById.get(id) ?? `#${id}`}`))}`);
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
    console.error(`Audit verification failed to run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
