import { env } from '@/lib/env';
import { openOwnerFromEnv } from '@/db/client';
import { runMigrations } from '@/lib/database/migrate';

async function main() {
  const e = env();
  const handle = await openOwnerFromEnv();
  try {
    await runMigrations(handle);
    if (e.ADMIN_EMAIL && e.ADMIN_PASSWORD) {
      const { ensureBootstrapAdmin } = await import('@/lib/seed/bootstrap-admin');
      const created = await ensureBootstrapAdmin(handle.db, { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD });
      if (created) console.log(`Created the first administrator ${e.ADMIN_EMAIL}.`);
    }
    console.log(`Migrations applied (${handle.kind === 'pglite' ? `embedded database in ${e.PGLITE_DIR}` : 'PostgreSQL'}).`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
