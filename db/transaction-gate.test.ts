import { describe, expect, it } from 'vitest';
import { DatabaseBusyError } from './errors';
import { Gate, transactionPermits } from './transaction-gate';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('transaction gate', () => {
  it('keeps one pooled connection outside transactions', () => {
    expect(transactionPermits(20)).toBe(19);
    expect(transactionPermits(2)).toBe(1);
    expect(transactionPermits(1)).toBe(1);
  });

  it('refuses with DatabaseBusyError (503 upstairs) when no permit frees up in time, and never runs that work', async () => {
    const gate = new Gate(1, 50);
    const hold = deferred();
    const first = gate.run(() => hold.promise);
    let ran = false;
    const second = gate.run(async () => {
      ran = true;
    });
    const error = await second.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect((error as DatabaseBusyError).retryAfterSeconds).toBeGreaterThan(0);
    hold.resolve();
    await first;
    expect(ran).toBe(false);
  });

  it('hands a released permit to the oldest waiter, and a failed work item releases its permit', async () => {
    const gate = new Gate(1, 5_000);
    const hold = deferred();
    const order: string[] = [];
    const first = gate.run(async () => {
      await hold.promise;
      throw new Error('boom');
    });
    const second = gate.run(async () => order.push('second'));
    const third = gate.run(async () => order.push('third'));
    hold.resolve();
    await expect(first).rejects.toThrow('boom');
    await Promise.all([second, third]);
    expect(order).toEqual(['second', 'third']);
    // All permits are back: a new run starts at once.
    await gate.run(async () => order.push('fourth'));
    expect(order).toEqual(['second', 'third', 'fourth']);
  });
});
