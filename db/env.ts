/**
 * The database's own settings, read from the environment once on first use (never at import, so
 * `next build` runs without a database). lib/env.ts validates the whole configuration with these
 * same fields; db/ reads only these, so the ground floor needs nothing from lib/.
 */
import { z } from 'zod';

const optionalUrl = z.string().url().optional().or(z.literal('').transform(() => undefined));

export const DB_ENV_FIELDS = {
  DATABASE_URL: optionalUrl,
  // The owner's connection for migrations, the seed and other owner-only commands; the app itself uses DATABASE_URL.
  MIGRATION_DATABASE_URL: optionalUrl,
  PGLITE_DIR: z.string().default('.data/pglite'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  DB_CONNECT_TIMEOUT_S: z.coerce.number().int().min(1).default(3),
  // How long a transaction waits for a free pooled connection before answering 503 (postgres.js itself waits forever).
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(50).default(5_000),
  // Lock waits end with 503 after this long (lock_timeout), well before the statement timeout.
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(50).default(3_000),
};

const DbEnvSchema = z.object(DB_ENV_FIELDS);

export type DbEnv = z.infer<typeof DbEnvSchema> & {
  /** Where migrations and owner-only commands connect: MIGRATION_DATABASE_URL, else DATABASE_URL. */
  migrationUrl: string | undefined;
};

export function migrationUrlOf(e: { DATABASE_URL?: string; MIGRATION_DATABASE_URL?: string }): string | undefined {
  return e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL;
}

let cached: DbEnv | undefined;

export function dbEnv(): DbEnv {
  if (cached) return cached;
  const parsed = DbEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = { ...parsed.data, migrationUrl: migrationUrlOf(parsed.data) };
  return cached;
}

/** Tests change the environment between runs (lib/env.ts resetEnvCache calls this too). */
export function resetDbEnvCache(): void {
  cached = undefined;
}
