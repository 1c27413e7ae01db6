/**
 * One log entry, one line of JSON on stderr. JSON.stringify already escapes \n and \r inside strings,
 * so a name with line breaks cannot start a fake entry; it leaves U+2028/U+2029 raw, which some log
 * viewers treat as line ends, so those are escaped too.
 */
export function logLine(entry: Record<string, unknown>): string {
  return JSON.stringify(entry).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

export function logError(entry: Record<string, unknown>): void {
  console.error(logLine({ level: 'error', ...entry }));
}

export function logWarn(entry: Record<string, unknown>): void {
  console.warn(logLine({ level: 'warn', ...entry }));
}
