import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import type { AppLocale } from '@/lib/i18n/translate';
import { personActor } from '@/lib/audit/actor';

/** A person's language choice, remembered on their account (any role may change their own). */
export async function setOwnLocale(actor: Actor, locale: AppLocale): Promise<void> {
  if (actor.locale === locale) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ locale })
      .where(and(eq(users.id, actor.userId)))
      .returning({ id: users.id });
    if (updated.length === 0) return;
    await recordAudit(
      tx,
      personActor(actor),
      { action: 'user.locale_changed', targetType: 'user', targetId: actor.userId, portId: actor.portId, before: { locale: actor.locale }, after: { locale } },
    );
  });
}
