/**
 * All configuration, validated once on first use (never at import, so `next build`
 * runs without a database or secrets).
 */
import 'server-only';
import { z } from 'zod';
import { DB_ENV_FIELDS, migrationUrlOf, resetDbEnvCache } from '@/db/env';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['true', '1', 'yes'].includes(v)));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // The database's settings are db/env.ts's (db/ reads them itself); validated here with the rest.
  ...DB_ENV_FIELDS,
  // Signs the audit chain and checkpoints (HMAC-SHA256); older keys stay listed so old events still verify.
  AUDIT_HMAC_KEY: z.string().optional().or(z.literal('').transform(() => undefined)),
  AUDIT_HMAC_OLD_KEYS: z.string().optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60),
  // Backstop for an API request whose database stopped answering mid-query (no timeout fires on a stalled connection).
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  AUTH_SECRET: z.string().min(16).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().min(1).max(24 * 60).default(15),
  SESSION_MAX_HOURS: z.coerce.number().min(1).max(72).default(12),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  // Failed sign-ins one client address may make (over all accounts) before its delay starts growing.
  SIGN_IN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  // Failed sign-ins per minute over the whole app from addresses not known for the account.
  SIGN_IN_GLOBAL_MAX_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  // The delay after the limit: base, doubled per further failure, never more than the maximum.
  SIGN_IN_BACKOFF_BASE_SECONDS: z.coerce.number().min(0.1).max(3600).default(2),
  SIGN_IN_BACKOFF_MAX_SECONDS: z.coerce.number().min(1).max(86_400).default(300),
  // How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the app is reached directly).
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  DEMO_SEED: bool,
  DEMO_HISTORY_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  DEMO_PASSWORD: z.string().min(8).default('portroster-demo'),
  SEED: z.coerce.number().int().default(20231),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  INTAKE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  // All intake keys together: a stolen set of keys cannot multiply the load.
  INTAKE_GLOBAL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  // A kiosk tap replayed after a network loss is judged at its own (corrected) time only if it is at most this old;
  // an older one is judged at the received time and goes to the supervisor's review queue.
  OFFLINE_TAP_MAX_AGE_MINUTES: z.coerce.number().min(0).max(24 * 60).default(10),
  APP_URL: z.string().url().optional(),
  TRUST_PROXY: bool,
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default('Single sign-on'),
  // Auth.js reads AUTH_URL itself; declared here so a typo fails at start-up like every other setting.
  AUTH_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof EnvSchema> & {
  /** Embedded PGlite when no DATABASE_URL is set. */
  embedded: boolean;
  /** Demo data is loaded automatically on the embedded database unless DEMO_SEED=false. */
  demo: boolean;
  authSecret: string;
  /** Where migrations and owner-only commands connect: MIGRATION_DATABASE_URL, else DATABASE_URL. */
  migrationUrl: string | undefined;
};

/** HMAC keys shorter than this are refused: a short key can be guessed and the chain re-signed. */
export const AUDIT_KEY_MIN_BYTES = 32;

let cached: Env | undefined;

// A fixed secret keeps `npm run dev` zero-setup; production refuses to start without a real one.
const DEV_ONLY_SECRET = 'port-roster-development-secret-not-for-production';

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.AUTH_SECRET) {
    throw new Error('Invalid configuration: AUTH_SECRET must be set (at least 16 characters) in production');
  }
  if (e.AUDIT_HMAC_KEY !== undefined && Buffer.byteLength(e.AUDIT_HMAC_KEY, 'utf8') < AUDIT_KEY_MIN_BYTES) {
    throw new Error(`Invalid configuration: AUDIT_HMAC_KEY must be at least ${AUDIT_KEY_MIN_BYTES} bytes`);
  }
  if (e.NODE_ENV === 'production' && !e.AUDIT_HMAC_KEY) {
    throw new Error(`Invalid configuration: AUDIT_HMAC_KEY must be set (at least ${AUDIT_KEY_MIN_BYTES} bytes, e.g. \`openssl rand -hex 32\`) in production`);
  }
  const embedded = !e.DATABASE_URL;
  cached = {
    ...e,
    embedded,
    demo: e.DEMO_SEED ?? embedded,
    authSecret: e.AUTH_SECRET ?? DEV_ONLY_SECRET,
    migrationUrl: migrationUrlOf(e),
  };
  return cached;
}

/** Tests change the environment between runs. */
export function resetEnvCache(): void {
  cached = undefined;
  resetDbEnvCache();
}
