import { now } from '@/lib/time';

/** A file-name-safe UTC timestamp such as 20261125T193000Z. */
export function toUtcIso(at: Date = now()): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
