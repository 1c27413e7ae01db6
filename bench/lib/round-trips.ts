/**
 * Statements and round trips per request, from the wire (bench/lib/pg-wire-counter.ts): `n` requests
 * one at a time against a server whose DATABASE_URL goes through the counter, divided by n. Deterministic,
 * so before/after compare exactly even on a busy machine.
 */
import type { WireCounter } from './pg-wire-counter';

export interface PerRequest {
  statements: number;
  roundTrips: number;
  statuses: Record<string, number>;
  /** Statement text → executions per request, most frequent first. */
  texts: [string, number][];
}

export async function perRequest(counter: WireCounter, n: number, fn: (i: number) => Promise<number>): Promise<PerRequest> {
  await fn(-1); // a first request compiles the route and opens connections: not counted
  await new Promise((r) => setTimeout(r, 200));
  counter.reset();
  const statuses: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const status = await fn(i);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  // Fire-and-forget work after the response (e.g. a background touch) lands within a moment.
  await new Promise((r) => setTimeout(r, 200));
  const c = counter.counts();
  return {
    statements: c.statements / n,
    roundTrips: c.roundTrips / n,
    statuses,
    texts: Object.entries(c.byText)
      .map(([t, k]) => [t, k / n] as [string, number])
      .sort((a, b) => b[1] - a[1]),
  };
}

export const describePerRequest = (p: PerRequest) =>
  `${p.statements.toFixed(1)} statements, ${p.roundTrips.toFixed(1)} round trips per request (${JSON.stringify(p.statuses)})`;

export function printTexts(title: string, p: PerRequest): void {
  console.log(`\n${title}: ${describePerRequest(p)}`);
  for (const [text, k] of p.texts) console.log(`  ${k.toFixed(2).padStart(5)} × ${text}`);
}
