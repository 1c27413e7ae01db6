/**
 * Where the machine's CPU went during a load: this process (the load generator), the app servers'
 * process trees, and every PostgreSQL backend on the machine (the server is shared, so other engineers'
 * queries count too: said where printed). From /proc/<pid>/stat utime + stime, in clock ticks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function treeTicks(pid: number): number {
  let total = ticksOf(pid);
  try {
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) total += treeTicks(Number(child));
  } catch {
    /* gone */
  }
  return total;
}

function postgresTicks(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += ticksOf(Number(entry));
    } catch {
      /* gone */
    }
  }
  return total;
}

export interface CpuSnapshot {
  at: number;
  generator: number;
  servers: number;
  postgres: number;
}

export function cpuSnapshot(serverPids: number[]): CpuSnapshot {
  return {
    at: performance.now(),
    generator: ticksOf(process.pid),
    servers: serverPids.reduce((n, pid) => n + treeTicks(pid), 0),
    postgres: postgresTicks(),
  };
}

/** "generator 0.61 cores, servers 1.02, PostgreSQL 0.33 of 2 cores". */
export function describeCpu(from: CpuSnapshot, to: CpuSnapshot): string {
  const wall = to.at - from.at;
  const cores = (k: keyof Omit<CpuSnapshot, 'at'>) => (((to[k] - from[k]) * TICK_MS) / wall).toFixed(2);
  return `CPU in cores: load generator ${cores('generator')}, app servers ${cores('servers')}, PostgreSQL (all databases) ${cores('postgres')}, of ${os.cpus().length}`;
}
