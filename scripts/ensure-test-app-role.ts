/** Browser-test servers (scripts/e2e-server.mjs) run the app as the test login role: make sure it exists. */
import { ensureTestAppRole } from '@/lib/testing/postgres-database';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: tsx scripts/ensure-test-app-role.ts <owner url>');
  process.exit(2);
}
ensureTestAppRole(url).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
