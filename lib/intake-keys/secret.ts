/** Intake key secrets: 32 random bytes shown once; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

export const KEY_PREFIX_LENGTH = 12;

export function generateIntakeSecret(): string {
  // "prk_" marks the string as a Port Roster key in logs and secret scanners.
  return `prk_${randomBytes(32).toString('base64url')}`;
}

export function hashIntakeSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, KEY_PREFIX_LENGTH);
}
