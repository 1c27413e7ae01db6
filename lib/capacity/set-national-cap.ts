/** The national daily cap over the sum of all active ports' limits. */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { nationalCap } from '@/db/schema';
import { parseInput } from '@/lib/api/validate';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import type { AppLocale } from '@/lib/i18n/translate';
import { guardCapacityChange, lockNationalCap } from './capacity-guard';
import { NationalCapBodySchema } from './schemas';
import { personActor } from '@/lib/audit/actor';

export async function setNationalCap(actor: Actor, input: unknown, locale: AppLocale = 'en') {
  assertCan(actor, 'admin.capacity');
  const { dailyCap } = parseInput(NationalCapBodySchema, input, locale);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockNationalCap(tx);
    await guardCapacityChange(
      tx,
      null,
      async () => {
        await tx.update(nationalCap).set({ dailyCap }).where(eq(nationalCap.id, 1));
      },
      { newCap: dailyCap },
    );
    if (before !== dailyCap) {
      await recordAudit(tx, personActor(actor), {
        action: 'capacity.national_cap_set',
        targetType: 'national_cap',
        targetId: '1',
        before: { dailyCap: before },
        after: { dailyCap },
      });
    }
    return { ok: true as const, dailyCap };
  });
}
