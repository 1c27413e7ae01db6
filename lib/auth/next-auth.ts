/**
 * next-auth wiring. The JWT carries only the id of a server-side session row (`sid`);
 * everything else (role, port, active) is re-read from the database on each request.
 */
import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { logError } from '@/lib/log';
import { clientAddress } from './client-address';
import { checkCredentials } from './sign-in';
import { ssoRefusalPath, startSsoSession } from './sso';

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
      // Many providers (oidc-provider's default, many enterprise ones) put email and email_verified
      // only in userinfo: read the profile from there, checked against the ID token's subject.
      idToken: false,
      checks: ['pkce', 'state', 'nonce'],
    });
  }
  return list;
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
        // Auth.js's message is only a link; the cause (e.g. the provider's answer) is what explains it.
        const cause = (error as { cause?: { err?: unknown } }).cause?.err;
        logError({ source: 'auth', error: error.message, cause: cause instanceof Error ? cause.message : undefined });
      },
      warn() {},
    },
    providers: providers(),
    callbacks: {
      /**
       * Without a database adapter Auth.js hands this same `user` object to the jwt callback, so the
       * session opened here travels on it. A refusal is audited and named on the sign-in page.
       */
      async signIn({ user, account, profile }) {
        if (account?.provider !== 'oidc') return true;
        const result = await startSsoSession(profile as Record<string, unknown> | undefined);
        if (!result.ok) return ssoRefusalPath(result.reason);
        (user as { sid?: string }).sid = result.sessionId;
        return true;
      },
      jwt({ token, user, account }) {
        if (user && (user as { sid?: string }).sid) token.sid = (user as { sid: string }).sid;
        // Kept (inside the encrypted cookie, never in /api/auth/session) as the hint for the provider's logout.
        if (account?.provider === 'oidc' && account.id_token) token.idToken = account.id_token;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
      },
    },
  };
});
