/**
 * A bounded wait for a pooled connection. postgres.js gives each transaction a connection of its
 * own and queues the rest without limit and without a timeout, so under pool exhaustion (or a
 * database that stopped answering) requests would hang. This gate admits at most `permits`
 * transactions at once; a transaction that cannot start within `acquireTimeoutMs` fails with 503
 * UNAVAILABLE before it has sent anything, so it certainly wrote nothing.
 * Single statements are not gated: postgres.js pipelines them on busy connections, and each is
 * bounded by statement_timeout.
 */
import type { Sql } from 'postgres';
import { DatabaseBusyError } from './errors';

/** One connection stays outside transactions, so session checks and reads are never starved by writers. */
export function transactionPermits(poolMax: number): number {
  return Math.max(1, poolMax - 1);
}

export class Gate {
  private inUse = 0;
  private readonly waiting: Array<{ grant: () => void }> = [];

  constructor(
    private readonly permits: number,
    private readonly acquireTimeoutMs: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.inUse < this.permits) {
      this.inUse++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new DatabaseBusyError());
      }, this.acquireTimeoutMs);
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    // The permit passes straight to the oldest waiter, so inUse is unchanged.
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.inUse--;
  }
}

/** The same client, with `begin` (what drizzle's db.transaction calls) going through the gate. */
export function gateTransactions<T extends Sql>(client: T, opts: { permits: number; acquireTimeoutMs: number }): T {
  const gate = new Gate(opts.permits, opts.acquireTimeoutMs);
  const begin = ((...args: unknown[]) => gate.run(() => (client.begin as (...a: unknown[]) => Promise<unknown>)(...args))) as T['begin'];
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'begin') return begin;
      return Reflect.get(target, prop) as unknown;
    },
  });
}
