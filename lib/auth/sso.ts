/**
 * Single sign-on: the identity provider vouches for an email; the account must still exist here,
 * be active, and the provider must say it verified that email. Every refusal is audited (the
 * provider's subject and email as label, never a token) and named by a code the sign-in page
 * explains. A success opens our own server-side session with its audit event, in one transaction.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { now } from '@/lib/time';
import { createSession } from './session-store';
import { personActor, unidentifiedActor } from '@/lib/audit/actor';

export type SsoRefusal = 'sso_no_email' | 'sso_unverified' | 'sso_unknown' | 'sso_inactive';
export type SsoResult = { ok: true; sessionId: string } | { ok: false; reason: SsoRefusal };

/** What the sign-in page may show for ?error=: an unknown and a deactivated account read the same. */
export function ssoErrorMessageKey(error: unknown): 'ssoRefused' | 'ssoUnverified' | 'ssoFailed' | null {
  if (typeof error !== 'string' || error === '') return null;
  if (error === 'sso_unverified') return 'ssoUnverified';
  if (error === 'sso_refused') return 'ssoRefused';
  return 'ssoFailed'; // Auth.js's own codes (Configuration, OAuthCallbackError, AccessDenied…)
}

export function ssoRefusalPath(reason: SsoRefusal): string {
  return `/sign-in?error=${reason === 'sso_unverified' ? 'sso_unverified' : 'sso_refused'}`;
}

// Some providers (Cognito among them) send the boolean as a string.
function verified(value: unknown): boolean {
  return value === true || value === 'true';
}

export async function startSsoSession(profile: Record<string, unknown> | null | undefined): Promise<SsoResult> {
  // Exact match (case aside): unlike the throttle's folding key, a look-alike address vouched for by
  // the provider (fullwidth, zero-width characters) is somebody else's mailbox, never this account.
  const email = typeof profile?.email === 'string' ? profile.email.trim().toLowerCase() : '';
  const subject = typeof profile?.sub === 'string' ? profile.sub : '';
  const db = await getDb();
  const [user] = email
    ? await db
        .select({ id: users.id, role: users.role, portId: users.portId, active: users.active })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email))
        .limit(1)
    : [];
  const reason: SsoRefusal | null = !email
    ? 'sso_no_email'
    : !verified(profile?.email_verified)
      ? 'sso_unverified'
      : !user
        ? 'sso_unknown'
        : !user.active
          ? 'sso_inactive'
          : null;
  const at = now();
  return db.transaction(async (tx) => {
    if (reason || !user) {
      await recordAudit(
        tx,
        unidentifiedActor(email ? email : `sso:${subject}`),
        {
          action: 'session.sign_in_refused',
          targetType: 'user',
          targetId: user?.id ?? null,
          portId: user?.portId ?? null,
          reason: reason ?? 'sso_unknown',
          after: { method: 'sso', subject: subject.slice(0, 255) },
        },
      );
      return { ok: false, reason: reason ?? 'sso_unknown' } as const;
    }
    const id = await createSession(user.id, tx);
    await tx.update(users).set({ lastSignInAt: at }).where(eq(users.id, user.id));
    await recordAudit(
      tx,
      personActor({ userId: user.id, role: user.role }),
      { action: 'session.signed_in', targetType: 'session', targetId: id, portId: user.portId, after: { method: 'sso' } },
    );
    return { ok: true, sessionId: id } as const;
  });
}
