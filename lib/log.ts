/**
 * One log entry, one line of JSON on stderr. JSON.stringify already escapes \n and \r inside strings,
 * so a name with line breaks cannot start a fake entry; it leaves U+2028/U+2029 raw, which some log
 * viewers treat as line ends, so those are escaped too.
 *
 * Logs name things by id, never by the person: every string is scrubbed of what carries personal
 * data in practice (a failed query's parameters, PostgreSQL's "Key (…)=(…)" and "Failing row contains
 * (…)" details, email addresses), because an error message is written by a library, not by us.
 */
const REDACTED = '[redacted]';
const SCRUBS: Array<[RegExp, string]> = [
  // drizzle's "Failed query: … params: Ana,García,1990-01-01": the parameters hold the person.
  [/\bparams: [^\n]*/g, `params: ${REDACTED}`],
  [/\bKey \((.+?)\)=\(.*?\)(?=\s(?:already|is|conflicts)|\.?$)/gm, `Key ($1)=(${REDACTED})`],
  [/\bFailing row contains \([^\n]*\)/g, `Failing row contains (${REDACTED})`],
  [/[^\s@"'<>(),;:[\]]+@[^\s@"'<>(),;:[\]]+\.[a-z]{2,}/gi, '[email]'],
];

export function scrub(text: string): string {
  return SCRUBS.reduce((s, [re, to]) => s.replace(re, to), text);
}

function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, depth + 1)]));
}

export function logLine(entry: Record<string, unknown>): string {
  return JSON.stringify(scrubValue(entry)).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

export function logError(entry: Record<string, unknown>): void {
  console.error(logLine({ level: 'error', ...entry }));
}

export function logWarn(entry: Record<string, unknown>): void {
  console.warn(logLine({ level: 'warn', ...entry }));
}

/**
 * What Next itself prints (an error thrown by a page, a failed server action) bypasses logError; this
 * scrubs it the same way. Installed once per server process by instrumentation.ts.
 */
export function scrubConsole(target: Pick<Console, 'error' | 'warn'> = console): void {
  for (const method of ['error', 'warn'] as const) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) =>
      original(...args.map((a) => (typeof a === 'string' ? scrub(a) : a instanceof Error ? scrub(a.stack ?? `${a.name}: ${a.message}`) : a)));
  }
}
