import { redirect } from 'next/navigation';
import { setLocaleAction, signInAction, ssoSignInAction } from '@/app/actions/session';
import { SignInForm } from '@/components/auth/SignInForm';
import { SsoSignIn } from '@/components/auth/SsoSignIn';
import { ssoErrorMessageKey } from '@/lib/auth/sso';
import { LanguageSwitch } from '@/components/layout/LanguageSwitch';
import { optionalPageActor } from '@/lib/auth/current';
import { safeRedirectPath } from '@/lib/auth/safe-redirect';
import { homePath } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { getT } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('signIn.title');

const REASONS = ['signed_out', 'idle', 'expired', 'inactive', 'signed_out'] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await optionalPageActor();
  if (actor) redirect(homePath(actor));
  const params = await searchParams;
  const { t, locale } = await getT();
  const reason = typeof params.reason === 'string' && (REASONS as readonly string[]).includes(params.reason) ? params.reason : null;
  const callbackUrl = safeRedirectPath(params.callbackUrl, { refuse: ['/sign-in'] });
  const e = env();
  const ssoEnabled = Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
  const ssoErrorKey = ssoErrorMessageKey(params.error);
  const notice =
    reason === 'idle'
      ? t('signIn.idleSignedOut', { minutes: e.SESSION_IDLE_MINUTES })
      : reason === 'signed_out'
        ? t('signIn.signedOut')
        : reason
          ? t('signIn.expired')
          : null;

  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between bg-slate-900 px-6 py-3 text-white">
        <span className="text-xl font-bold">{t('common.appName')}</span>
        <LanguageSwitch
          action={setLocaleAction}
          locale={locale}
          back="/sign-in"
          labels={{ language: t('common.language'), english: t('common.english'), spanish: t('common.spanish') }}
        />
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-6 py-12">
        <h1 className="mb-2 text-3xl font-bold">{t('signIn.title')}</h1>
        <p className="mb-6 text-slate-700">{t('signIn.intro')}</p>
        {notice && (
          <p role="status" className="mb-6 rounded border-l-4 border-blue-800 bg-blue-50 px-4 py-3 text-blue-950">
            {notice}
          </p>
        )}
        {ssoErrorKey && (
          <p role="alert" id="sso-error" className="mb-6 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
            {t(`signIn.${ssoErrorKey}`)}
          </p>
        )}
        {ssoEnabled && (
          <SsoSignIn action={ssoSignInAction} callbackUrl={callbackUrl} label={t('signIn.sso', { provider: e.OIDC_NAME })} or={t('signIn.or')} />
        )}
        <SignInForm
          action={signInAction}
          callbackUrl={callbackUrl}
          labels={{
            email: t('signIn.email'),
            password: t('signIn.password'),
            submit: t('signIn.submit'),
            submitting: t('signIn.submitting'),
            invalid: t('signIn.invalid'),
            throttled: t('signIn.throttled', { minutes: Math.ceil(e.SIGN_IN_BACKOFF_MAX_SECONDS / 60) }),
            missing: t('signIn.missing'),
          }}
        />
        {e.demo && <p className="mt-8 text-sm text-slate-700">{t('signIn.demoHint')}</p>}
      </main>
    </div>
  );
}
