/**
 * next-auth wiring. The JWT carries only the id of a server-side session row (`sid`);
 * everything else (role, port, active) is re-read from the database on each request.
 */
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { eq, sql } from 'drizzle-orm';
import { env } from '@/lib/env';
import { logError } from '@/lib/log';
import { clientAddress } from './client-address';
import { checkCredentials, startSsoSession } from './sign-in';

export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}
export class InvalidSignIn extends CredentialsSignin {
  code = 'invalid';
}

function providers(): NextAuthConfig['providers'] {
  const e = env();
  const list: NextAuthConfig['providers'] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await checkCredentials(credentials, clientAddress(request.headers));
        if (!result.ok) throw result.reason === 'throttled' ? new ThrottledSignIn() : new InvalidSignIn();
        return { id: result.userId, sid: result.sessionId } as never;
      },
    }),
  ];
  // Agencies with single sign-on switch this on by environment; accounts still have to exist here.
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    list.push({
      id: 'oidc',
      name: e.OIDC_NAME,
      type: 'oidc',
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
    });
  }
  return list;
}

async function userIdForEmail(email: string): Promise<string | null> {
  const { getDb } = await import('@/db');
  const { users } = await import('@/db/schema');
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row?.active ? row.id : null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  return {
    secret: e.authSecret,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: e.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    logger: {
      // A refused password is an expected answer, not a server error worth a stack trace.
      error(error) {
        if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
        logError({ source: 'auth', error: error.message });
      },
      warn() {},
    },
    providers: providers(),
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== 'oidc') return true;
        return typeof profile?.email === 'string' && (await userIdForEmail(profile.email)) !== null;
      },
      async jwt({ token, user, account, profile }) {
        if (user && (user as { sid?: string }).sid) token.sid = (user as { sid: string }).sid;
        if (account?.provider === 'oidc' && typeof profile?.email === 'string') {
          const sid = await startSsoSession(profile.email);
          if (sid) token.sid = sid;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
      },
    },
  };
});
