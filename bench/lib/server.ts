/** Starts and signs in to a `next start` instance for a benchmark (the app must be built). */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface BenchServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
  rssMb(): number;
}

export interface ServerOptions {
  /** The Next.js project to start (default: the app itself; bench/floor-app for the floor). */
  dir?: string;
  /** The path that answers 200 once the server is up. */
  readyPath?: string;
  /** Extra environment. */
  env?: Record<string, string>;
  /** Node flags, e.g. --cpu-prof (not allowed in NODE_OPTIONS; `next start`'s fork inherits them). */
  nodeArgs?: string[];
}

export async function startServer(databaseUrl: string, port: number, opts: ServerOptions = {}): Promise<BenchServer> {
  const args = [...(opts.nodeArgs ?? []), 'node_modules/next/dist/bin/next', 'start', ...(opts.dir ? [opts.dir] : []), '-p', String(port)];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: 'bench-secret-0123456789abcdef',
      DEMO_SEED: 'false',
      NEXT_TELEMETRY_DISABLED: '1',
      DB_POOL_MAX: '30',
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}${opts.readyPath ?? '/api/v1/ready'}`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
    rssMb() {
      // next start forks the real server; sum the RSS of the process tree's main node processes.
      return processTreeRssMb(child.pid!);
    },
  };
}

function processTreeRssMb(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      children.forEach(visit);
    } catch {
      /* process gone */
    }
  };
  visit(pid);
  return total;
}

/** Signs in through next-auth's credentials callback and returns the Cookie header. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar, Origin: url },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: '/' }),
  });
  const session = cookiesOf(response);
  if (!session.includes('authjs.session-token')) throw new Error(`sign-in failed for ${email} (${response.status})`);
  return `${jar}; ${session}`;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The round-robin balancer (bench/lib/balancer.mjs) in a process of its own, in front of `targets`. */
export async function startBalancer(port: number, targets: string[]): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['bench/lib/balancer.mjs', String(port), ...targets], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`balancer exited ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
