import type { NextRequest } from 'next/server';
import { appOrigin } from '@/lib/api/origin';
import { endSignedOutSession } from '@/lib/auth/auth-signout';
import { handlers } from '@/lib/auth/next-auth';
import { env } from '@/lib/env';

/**
 * Next rewrites request.url to localhost, so a browser on 127.0.0.1 (or behind a proxy) would get a
 * callback URL that differs from the one the sign-in started with, and lose its PKCE/state cookies.
 * Auth.js sees the URL the browser actually used (lib/api/origin.ts appOrigin).
 */
async function asSeenByBrowser(request: NextRequest): Promise<NextRequest> {
  // With AUTH_URL set, next-auth rewrites the origin itself (from request.nextUrl).
  if (env().AUTH_URL) return request;
  const url = new URL(request.url);
  const origin = new URL(appOrigin(request.headers));
  // Only the host: the scheme Next derived (X-Forwarded-Proto from a TLS load balancer) keeps
  // deciding Secure cookies as before; a configured APP_URL fixes both.
  if (env().APP_URL) url.protocol = origin.protocol;
  url.host = origin.host;
  // A plain Request: a NextRequest would turn 127.0.0.1 back into localhost (NextURL does it).
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(url, { method: request.method, headers: request.headers, body }) as unknown as NextRequest;
}

export async function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(await asSeenByBrowser(request));
}

/** Auth.js's own POST /api/auth/signout only clears the cookie: end the server session first. */
export async function POST(request: NextRequest): Promise<Response> {
  await endSignedOutSession(request);
  return handlers.POST(await asSeenByBrowser(request));
}
