/**
 * RP-initiated logout: ending our session is not enough after single sign-on, because the provider's
 * own session would sign the same person straight back in on the next click. The provider's
 * end_session_endpoint (from its discovery document) ends it, then returns to our sign-in page.
 */
import 'server-only';
import { getToken } from 'next-auth/jwt';
import { appOrigin } from '@/lib/api/origin';
import { env } from '@/lib/env';
import { logWarn } from '@/lib/log';

const DISCOVERY_TIMEOUT_MS = 3000;

async function endSessionEndpoint(issuer: string): Promise<string | null> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), cache: 'no-store' });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const body = (await response.json()) as { end_session_endpoint?: unknown };
  return typeof body.end_session_endpoint === 'string' ? body.end_session_endpoint : null;
}

/** Where to send a person who signed in through the provider, or null (password sign-in, no endpoint, provider down). */
export async function providerLogoutUrl(headers: Headers, returnPath: string): Promise<string | null> {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID) return null;
  const secureCookie = /(?:^|;\s*)__Secure-authjs\.session-token/.test(headers.get('cookie') ?? '');
  const token = await getToken({ req: { headers }, secret: e.authSecret, secureCookie });
  const idToken = typeof token?.idToken === 'string' ? token.idToken : null;
  if (!idToken) return null;
  try {
    const endpoint = await endSessionEndpoint(e.OIDC_ISSUER);
    if (!endpoint) return null;
    const url = new URL(endpoint);
    url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('client_id', e.OIDC_CLIENT_ID);
    url.searchParams.set('post_logout_redirect_uri', `${appOrigin(headers)}${returnPath}`);
    return url.toString();
  } catch (error) {
    // Our session is already over; the provider's ends at its own limit. The log says why.
    logWarn({ message: 'provider logout unavailable', error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
