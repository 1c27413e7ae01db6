/**
 * Fault tests need app instances of their own (their own database, pool settings, a proxy in front
 * of PostgreSQL, a process they may kill), so they start `next start` themselves, as
 * scripts/e2e-server.mjs does for the shared ones. Requires a prior `next build`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import postgres from 'postgres';
import { asTestAppRole } from '../../lib/testing/postgres-database';

export const BASE_DATABASE_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';

export function databaseUrl(name: string, via?: { host: string; port: number }): string {
  const u = new URL(BASE_DATABASE_URL);
  u.pathname = `/${name}`;
  if (via) {
    u.hostname = via.host;
    u.port = String(via.port);
  }
  return u.toString();
}

export function postgresAddress(): { host: string; port: number } {
  const u = new URL(BASE_DATABASE_URL);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 5432) };
}

/** What a real restart does to the clients: every backend of the database ends with 57P01. */
export async function terminateBackends(name: string): Promise<number> {
  const admin = postgres(databaseUrl('postgres'), { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
    return rows.length;
  } finally {
    await admin.end();
  }
}

export class AppInstance {
  private exited: Promise<number | null>;
  /** The server's stderr, shown when a test fails (an unmapped error logs there as level "error"). */
  readonly log: string[] = [];

  private constructor(
    readonly process: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
    process.stderr?.on('data', (chunk: Buffer) => this.log.push(chunk.toString('utf8')));
  }

  get baseURL(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** env.DATABASE_URL names the database (and proxy); the app connects to it as the test role in portroster_app. */
  static async start(port: number, env: Record<string, string>): Promise<AppInstance> {
    const appEnv = env.DATABASE_URL ? { ...env, DATABASE_URL: asTestAppRole(env.DATABASE_URL) } : env;
    const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        MIGRATION_DATABASE_URL: '',
        NODE_ENV: 'production',
        PORT: String(port),
        AUTH_SECRET: 'faults-secret-0123456789-abcdefghijkl',
        NEXT_TELEMETRY_DISABLED: '1',
        DEMO_SEED: 'false',
        AUDIT_HMAC_KEY: 'faults-audit-hmac-key-0123456789abcdef-not-secret',
        ...appEnv,
      },
    });
    const instance = new AppInstance(child, port);
    await instance.waitReady();
    return instance;
  }

  async waitReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`app on port ${this.port} exited: ${this.log.join('')}`);
      try {
        if ((await fetch(`${this.baseURL}/api/v1/ready`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`app on port ${this.port} not ready after ${timeoutMs} ms: ${this.log.join('')}`);
  }

  errorLines(): string[] {
    return this.log.join('').split('\n').filter((l) => l.includes('"level":"error"'));
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.alive) this.process.kill(signal);
    await this.exited;
  }
}
