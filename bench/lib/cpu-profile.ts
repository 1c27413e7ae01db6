/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function, and per package, so
 * the table says where a request's CPU goes (our code, Next.js, next-auth's JWE, postgres.js, zlib...).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

/** The largest profile in `dir`: `next start` forks the server, whose profile is the busy one. */
export function largestProfile(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  return files.map((f) => path.join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
}

/** Where a script lives: a package name, a Next.js chunk, node: internals or the V8 pseudo-frames. */
export function packageOf(url: string): string {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return url;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.includes('/.next/server/chunks/')) return '.next server chunk (app + bundled packages)';
  if (url.includes('/.next/')) return '.next (other)';
  return url.replace(/^file:\/\//, '');
}

export function summarise(file: string, top = 15): { total: number; functions: SelfTime[]; packages: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fn = new Map<string, SelfTime>();
  const pkg = new Map<string, SelfTime>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)') continue;
    totalUs += us;
    const where = `${packageOf(node.callFrame.url)}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
    const key = `${name} ${where}`;
    const f = fn.get(key) ?? { name, where, ms: 0, share: 0 };
    f.ms += us / 1000;
    fn.set(key, f);
    const p = packageOf(node.callFrame.url);
    const e = pkg.get(p) ?? { name: p, where: '', ms: 0, share: 0 };
    e.ms += us / 1000;
    pkg.set(p, e);
  }
  const rank = (m: Map<string, SelfTime>) =>
    [...m.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((e) => ({ ...e, share: e.ms / (totalUs / 1000) }));
  return { total: totalUs / 1000, functions: rank(fn), packages: rank(pkg) };
}

export function printProfile(title: string, s: ReturnType<typeof summarise>): void {
  console.log(`\n${title}: ${(s.total / 1000).toFixed(1)} s busy (idle and (program) left out)`);
  console.log('top functions by self time:');
  for (const f of s.functions) console.log(`  ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}  ${f.where}`);
  console.log('by package:');
  for (const p of s.packages) console.log(`  ${(p.share * 100).toFixed(1).padStart(5)} %  ${p.ms.toFixed(0).padStart(6)} ms  ${p.name}`);
}
