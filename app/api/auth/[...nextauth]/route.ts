import type { NextRequest } from 'next/server';
import { endSignedOutSession } from '@/lib/auth/auth-signout';
import { handlers } from '@/lib/auth/next-auth';

export const GET = handlers.GET;

/** Auth.js's own POST /api/auth/signout only clears the cookie: end the server session first. */
export async function POST(request: NextRequest): Promise<Response> {
  await endSignedOutSession(request);
  return handlers.POST(request);
}
