import 'server-only';
import { getDb } from '@/lib/database';
import type { IntakeKeyActor } from '@/lib/intake-keys/authenticate';
import { enforceRateLimit } from './rate-limit';

/** For routes other than booking (which counts inside its own first statement). */
export async function enforceRateLimitFor(key: IntakeKeyActor): Promise<void> {
  await enforceRateLimit(await getDb(), key.keyId);
}
