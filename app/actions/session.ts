'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { optionalActionActor } from '@/lib/auth/current';
import { safeRedirectPath } from '@/lib/auth/safe-redirect';
import { signIn, signOut } from '@/lib/auth/next-auth';
import { endActorSession } from '@/lib/auth/sign-out';
import { providerLogoutUrl } from '@/lib/auth/sso-logout';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/translate';
import { setOwnLocale } from '@/lib/users/set-locale';

export interface SignInState {
  error?: 'invalid' | 'throttled' | 'missing';
  email?: string;
}

/** Only a same-site path may follow sign-in or the language switch; never back to sign-in itself. */
function safeCallbackPath(value: FormDataEntryValue | null): string {
  return safeRedirectPath(value, { refuse: ['/sign-in'] });
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '').trim();
  const password = String(formData.get('password') ?? '');
  if (!email || !password) return { error: 'missing', email };
  try {
    await signIn('credentials', { email, password, redirectTo: safeCallbackPath(formData.get('callbackUrl')) });
    return {};
  } catch (error) {
    // Anything that is not an AuthError is Next's redirect (success) or a real failure: rethrow.
    if (!(error instanceof AuthError)) throw error;
    const code = error instanceof CredentialsSignin ? error.code : 'invalid';
    return { error: code === 'throttled' ? 'throttled' : 'invalid', email };
  }
}

export async function signOutAction(formData: FormData): Promise<void> {
  const reason = formData.get('reason') === 'idle' ? 'idle' : 'signed_out';
  // Sign-out is open to a person who still has to replace a temporary password.
  const actor = await optionalActionActor({ whilePasswordChangeRequired: true });
  if (actor) await endActorSession(actor, reason);
  const back = `/sign-in?reason=${reason}`;
  // Read before the cookie (which holds the provider's ID token) is cleared.
  const providerLogout = await providerLogoutUrl(await headers(), back);
  await signOut({ redirect: false });
  redirect(providerLogout ?? back);
}

/** The single sign-on button: Auth.js sends the browser to the provider (state, nonce and PKCE in cookies). */
export async function ssoSignInAction(formData: FormData): Promise<void> {
  await signIn('oidc', { redirectTo: safeCallbackPath(formData.get('callbackUrl')) });
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  const back = safeCallbackPath(formData.get('back'));
  if (!isLocale(locale)) redirect(back);
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  // The cookie alone serves a person on the forced password change (they may need to read it in
  // Spanish); saving the choice to the account waits until the temporary password is replaced.
  const actor = await optionalActionActor({ whilePasswordChangeRequired: true });
  if (actor && !actor.mustChangePassword) await setOwnLocale(actor, locale);
  redirect(back);
}
