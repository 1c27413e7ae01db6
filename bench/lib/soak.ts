/**
 * A soak (issue 16, item 5): `clients` in flight for `seconds`, the server's RSS sampled every 10 s,
 * and the trend as a least-squares slope in MB per minute (a leak shows as a steady positive slope;
 * a warm-up plateau as a slope near 0 after the first samples).
 */
export interface SoakResult {
  requests: number;
  errors: number;
  samples: Array<{ s: number; rssMb: number }>;
  slopeMbPerMin: number;
}

export function slopePerMinute(samples: Array<{ s: number; rssMb: number }>): number {
  const n = samples.length;
  if (n < 2) return NaN;
  const mx = samples.reduce((a, p) => a + p.s, 0) / n;
  const my = samples.reduce((a, p) => a + p.rssMb, 0) / n;
  const sxy = samples.reduce((a, p) => a + (p.s - mx) * (p.rssMb - my), 0);
  const sxx = samples.reduce((a, p) => a + (p.s - mx) ** 2, 0);
  return (sxy / sxx) * 60;
}

export async function soak(seconds: number, clients: number, fn: () => Promise<number>, rssMb: () => number): Promise<SoakResult> {
  const started = performance.now();
  const until = started + seconds * 1000;
  const samples: SoakResult['samples'] = [{ s: 0, rssMb: rssMb() }];
  const timer = setInterval(() => samples.push({ s: (performance.now() - started) / 1000, rssMb: rssMb() }), 10_000);
  let requests = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        try {
          if ((await fn()) >= 500) errors++;
        } catch {
          errors++;
        }
        requests++;
      }
    }),
  );
  clearInterval(timer);
  samples.push({ s: (performance.now() - started) / 1000, rssMb: rssMb() });
  return { requests, errors, samples, slopeMbPerMin: slopePerMinute(samples) };
}
