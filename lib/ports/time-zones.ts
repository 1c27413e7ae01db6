/** The zones offered for a port: the Americas only (every port of entry here is on the southern border). */
import { isValidTimeZone } from '@/lib/time';

let cached: readonly string[] | undefined;

export function portTimeZones(): readonly string[] {
  cached ??= Intl.supportedValuesOf('timeZone')
    .filter((z) => z.startsWith('America/') && isValidTimeZone(z))
    .sort();
  return cached;
}

export function isPortTimeZone(zone: string): boolean {
  return portTimeZones().includes(zone) && isValidTimeZone(zone);
}
