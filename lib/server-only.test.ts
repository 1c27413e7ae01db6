/**
 * The server-only boundary, checked without a build: (1) every lib module that reaches the database
 * or the configuration (secrets) says `import 'server-only'`, so a new one cannot forget it; (2) no
 * 'use client' module reaches such a module through its value imports (type imports vanish at build).
 * `next build` fails on (2) too, but only when a page actually renders that component; this fails at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Where the database and the secrets are: a module importing a value from one of these is server-only. */
const SERVER_ROOTS = [/^@\/lib\/database(\/|$)/, /^@\/db\/(client|migrate|env|errors|transaction-gate)$/, /^@\/db\/schema(\/index)?$/, /^@\/lib\/env$/, /^@\/lib\/audit\/keys$/];
/** Test support and zod schemas (which take only enum values from db/schema/enums) are not product server code. */
const EXEMPT = [/\.test\.tsx?$/, /^lib\/testing\//, /\/testing\.ts$/];

type Sources = Map<string, string>;

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return walk(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

function readSources(): Sources {
  return new Map(['app', 'components', 'lib'].flatMap(walk).map((f) => [f, readFileSync(path.join(ROOT, f), 'utf8')]));
}

/** The specifiers a module imports values from (not `import type`, not `{ type A, type B }`). */
function valueImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of source.matchAll(statement)) {
    const [, , typeOnly, names, from, bare, dynamic] = m;
    if (bare || dynamic) {
      found.push((bare ?? dynamic)!);
      continue;
    }
    if (typeOnly) continue;
    if (names && /^\{\s*(type\s+[\w$]+(\s+as\s+[\w$]+)?\s*,?\s*)+\}$/.test(names.trim())) continue;
    found.push(from!);
  }
  return found;
}

/** A specifier to the file it names, or null outside app/, components/, lib/ (packages, db/). */
function resolve(from: string, spec: string, sources: Sources): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.join(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (sources.has(candidate)) return candidate;
  }
  return null;
}

const isClient = (source: string) => /^\s*(\/\*[\s\S]*?\*\/\s*)?['"]use client['"]/.test(source);
const isMarked = (source: string) => /^import 'server-only';$/m.test(source);

/** Each 'use client' module that reaches a server-only one, with the path of imports that gets there. */
function clientLeaks(sources: Sources): string[] {
  const leaks: string[] = [];
  for (const [file, source] of sources) {
    if (!isClient(source)) continue;
    const seen = new Set<string>([file]);
    const queue: Array<{ at: string; trail: string[] }> = [{ at: file, trail: [file] }];
    while (queue.length > 0) {
      const { at, trail } = queue.shift()!;
      for (const spec of valueImports(sources.get(at)!)) {
        const next = resolve(at, spec, sources);
        if (!next || seen.has(next)) continue;
        seen.add(next);
        if (isMarked(sources.get(next)!)) {
          leaks.push([...trail, next].join(' -> '));
          continue;
        }
        queue.push({ at: next, trail: [...trail, next] });
      }
    }
  }
  return leaks;
}

/** lib modules that import a value from the database or the configuration without the marker. */
function unmarked(sources: Sources): string[] {
  return [...sources]
    .filter(([file]) => file.startsWith('lib/') && !EXEMPT.some((re) => re.test(file)))
    .filter(([, source]) => !isClient(source) && !isMarked(source))
    .filter(([, source]) => valueImports(source).some((spec) => SERVER_ROOTS.some((re) => re.test(spec))))
    .map(([file]) => file);
}

describe('server-only boundary', () => {
  const sources = readSources();

  it('marks every lib module that reaches the database or the configuration', () => {
    expect(unmarked(sources)).toEqual([]);
  });

  it('keeps every client component off server-only modules', () => {
    expect(clientLeaks(sources)).toEqual([]);
  });

  it('finds a client component that reaches a server-only module through a plain one, and ignores type imports', () => {
    const fixture: Sources = new Map([
      ['components/Leaky.tsx', "'use client';\nimport { label } from '@/lib/plain';\nexport const x = label;\n"],
      ['components/TypesOnly.tsx', "'use client';\nimport type { Row } from '@/lib/secret';\nimport { type Other } from '../lib/secret';\nexport type Y = Row | Other;\n"],
      ['lib/plain.ts', "import { readKey } from './secret';\nexport const label = readKey;\n"],
      ['lib/secret.ts', "import 'server-only';\nimport { env } from '@/lib/env';\nexport const readKey = env;\nexport type Row = 1;\nexport type Other = 2;\n"],
      ['lib/forgot.ts', "import { getDb } from '@/lib/database';\nexport const db = getDb;\n"],
    ]);
    expect(clientLeaks(fixture)).toEqual(['components/Leaky.tsx -> lib/plain.ts -> lib/secret.ts']);
    expect(unmarked(fixture)).toEqual(['lib/forgot.ts']);
  });
});
