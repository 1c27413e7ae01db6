/** The route table as the app folder defines it: shared by the permission matrix and the hostile-input walk. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface RouteFile {
  method: string;
  /** The folder path with its dynamic segments, e.g. /api/v1/appointments/[id]/check-in. */
  route: string;
}

/** Every method exported by a route.ts under app/api/v1 (the catch-all 404 excepted). */
export function apiRouteFiles(dir = path.join('app', 'api', 'v1')): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== '[...path]') found.push(...apiRouteFiles(full));
    } else if (entry === 'route.ts') {
      const source = readFileSync(full, 'utf8');
      const methods = new Set<string>();
      for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
      for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const n of m[1]!.matchAll(/as\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(n[1]!);
      const route = `/${dir.split(path.sep).slice(1).join('/')}`;
      for (const method of methods) found.push({ method, route });
    }
  }
  return found.sort((a, b) => `${a.method} ${a.route}`.localeCompare(`${b.method} ${b.route}`));
}

/** The same table as "METHOD /path/{}" keys. */
export function apiRoutesOnDisk(): string[] {
  return apiRouteFiles()
    .map((r) => `${r.method} ${r.route.replace(/\[[^\]]+\]/g, '{}')}`)
    .sort();
}
