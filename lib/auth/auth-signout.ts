/**
 * Auth.js's POST /api/auth/signout clears the cookie but knows nothing of our server-side session
 * row, so a cookie saved before it would still work. Here the row is ended with the same audit event
 * as the app's own sign-out. Only a same-origin request may do it (a cross-site page must not sign
 * an officer out); Auth.js then applies its own CSRF check to the rest.
 */
import { isSameOrigin } from '@/lib/api/origin';
import { logWarn } from '@/lib/log';
import { auth } from './next-auth';
import { loadSession } from './session-store';
import { endActorSession } from './sign-out';

export async function endSignedOutSession(request: Request): Promise<void> {
  if (!new URL(request.url).pathname.endsWith('/signout') || !isSameOrigin(request)) return;
  try {
    const session = (await auth()) as { sid?: string } | null;
    if (!session?.sid) return;
    const state = await loadSession(session.sid, { activity: false, requestId: request.headers.get('x-request-id') });
    if ('actor' in state) await endActorSession(state.actor, 'signed_out');
  } catch (error) {
    // The cookie is cleared either way; the row then ends at its idle limit. The log says why.
    logWarn({ requestId: request.headers.get('x-request-id'), message: 'sign-out could not end the server session', error: error instanceof Error ? error.message : String(error) });
  }
}
