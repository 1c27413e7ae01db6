/**
 * Who is asking. Pages call `requirePageActor`, route handlers `requireApiActor`;
 * both re-read the user from the database, so a deactivated user is out on the next request.
 */
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { pageDeadlineMs, withDeadline } from '@/lib/api/deadline';
import { isAppError, isDatabaseUnavailable } from '@/lib/errors';
import { ANONYMOUS, AccessDeniedError, deniedSubjectOf } from './access-denied';
import type { Actor } from './actor';
import { auth } from './next-auth';
import { recordPageDenial } from './page-denial';
import { can, type Action } from './permissions';
import { cachedSessionId, sessionCookieKey } from './session-cookie-cache';
import { loadSession, type SessionState } from './session-store';
import { UNAVAILABLE_PATH, unavailablePath } from './unavailable-path';

async function sessionId(): Promise<string | null> {
  return cachedSessionId(sessionCookieKey((await cookies()).getAll()), async () => {
    const session = (await auth()) as { sid?: string } | null;
    return session?.sid ?? null;
  });
}

async function requestId(): Promise<string | null> {
  return (await headers()).get('x-request-id');
}

type PageSessionState = SessionState | { ended: 'unavailable' };

const pageSession = cache(async (): Promise<PageSessionState> => {
  // The reconnecting page (and the layout around it) must not wait on the database it says is away.
  if (((await headers()).get('x-pathname') ?? '').startsWith(UNAVAILABLE_PATH)) return { ended: 'unavailable' };
  const sid = await sessionId();
  if (!sid) return { ended: 'missing' };
  try {
    // The API's deadline, for pages too: a database that stalls mid-query fires no timeout of its own.
    const rid = await requestId();
    return await withDeadline(pageDeadlineMs(), () => loadSession(sid, { activity: true, requestId: rid }));
  } catch (error) {
    // The database is restarting or overloaded: pages say so (see requirePageActor) instead of a 500.
    if (isDatabaseUnavailable(error) || (isAppError(error) && error.code === 'UNAVAILABLE')) return { ended: 'unavailable' };
    throw error;
  }
});

export const PASSWORD_CHANGE_PATH = '/account/password';

/**
 * The actor for a page, or a redirect to sign-in with the reason (or to the forced password change).
 * Both refusals are audited; `auditDenial: false` is for the app's front door (`/`), where arriving
 * without a session is the ordinary way in, not an attempt on anything.
 */
export async function requirePageActor(action?: Action, opts: { auditDenial?: boolean } = {}): Promise<Actor> {
  const state = await pageSession();
  if (!('actor' in state)) {
    // The database is away: nothing to audit into, and not a refusal.
    if (state.ended === 'unavailable') redirect(unavailablePath((await headers()).get('x-pathname')));
    if (opts.auditDenial !== false) {
      const reason = state.ended === 'missing' ? 'no session' : `session ended (${state.ended})`;
      await recordPageDenial({ subject: ANONYMOUS, reason, portId: null }, { status: 307, code: 'UNAUTHENTICATED' });
    }
    const reason = state.ended === 'missing' ? '' : `?reason=${state.ended}`;
    redirect(`/sign-in${reason}`);
  }
  // A first or reset password must be replaced before anything else (see app/(app)/account/password).
  if (state.actor.mustChangePassword && !((await headers()).get('x-pathname') ?? '').startsWith(PASSWORD_CHANGE_PATH)) {
    redirect(PASSWORD_CHANGE_PATH);
  }
  if (action && !can(state.actor.role, action)) {
    const { actor } = state;
    await recordPageDenial(
      { subject: deniedSubjectOf(actor), reason: `role ${actor.role} may not ${action}`, portId: actor.portId },
      { status: 307, code: 'FORBIDDEN' },
    );
    redirect('/');
  }
  return state.actor;
}

export async function optionalPageActor(): Promise<Actor | null> {
  const state = await pageSession();
  return 'actor' in state ? state.actor : null;
}

/**
 * The actor for an API call; background reads pass activity false so polling does not defeat the idle
 * limit. A person holding a temporary password may do nothing but replace it (and keep the session
 * alive meanwhile): those two routes pass `whilePasswordChangeRequired`.
 */
export async function requireApiActor(opts: { activity: boolean; whilePasswordChangeRequired?: boolean }): Promise<Actor> {
  const sid = await sessionId();
  if (!sid) throw new AccessDeniedError('UNAUTHENTICATED', 'Sign in first.', { subject: ANONYMOUS, reason: 'no session', portId: null });
  const state = await loadSession(sid, { activity: opts.activity, requestId: await requestId() });
  if (!('actor' in state)) {
    throw new AccessDeniedError('UNAUTHENTICATED', `Your session has ended (${state.ended}). Sign in again.`, {
      subject: ANONYMOUS,
      reason: `session ended (${state.ended})`,
      portId: null,
    });
  }
  if (state.actor.mustChangePassword && !opts.whilePasswordChangeRequired) throw passwordChangeRequired(state.actor);
  return state.actor;
}

function passwordChangeRequired(actor: Actor): AccessDeniedError {
  return new AccessDeniedError(
    'PASSWORD_CHANGE_REQUIRED',
    'Set a new password first (POST /api/v1/account/password).',
    { subject: deniedSubjectOf(actor), reason: 'temporary password not yet replaced', portId: actor.portId },
    { es: 'Cree una contraseña nueva primero (POST /api/v1/account/password).' },
  );
}

/**
 * The actor for a server action: the same refusal of a temporary password as the API. Null without
 * a live session, so sign-out and the language switch still work for whoever is at the screen.
 */
export async function optionalActionActor(opts: { whilePasswordChangeRequired?: boolean } = {}): Promise<Actor | null> {
  const state = await pageSession();
  if (!('actor' in state)) return null;
  if (state.actor.mustChangePassword && !opts.whilePasswordChangeRequired) throw passwordChangeRequired(state.actor);
  return state.actor;
}
