import { NextRequest } from 'next/server';
import { appOrigin } from '@/lib/api/origin';
import { endSignedOutSession } from '@/lib/auth/auth-signout';
import { handlers } from '@/lib/auth/next-auth';

/**
 * Next rewrites request.url to localhost, so a browser on 127.0.0.1 (or behind a proxy) would get a
 * callback URL that differs from the one the sign-in started with, and lose its PKCE/state cookies.
 * Auth.js sees the URL the browser actually used (lib/api/origin.ts appOrigin).
 */
function asSeenByBrowser(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const origin = new URL(appOrigin(request.headers));
  url.protocol = origin.protocol;
  url.host = origin.host;
  return new NextRequest(url, request);
}

export function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(asSeenByBrowser(request));
}

/** Auth.js's own POST /api/auth/signout only clears the cookie: end the server session first. */
export async function POST(request: NextRequest): Promise<Response> {
  await endSignedOutSession(request);
  return handlers.POST(asSeenByBrowser(request));
}
