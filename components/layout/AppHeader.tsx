import Link from 'next/link';
import type { Actor } from '@/lib/auth/actor';
import type { AppLocale, Translate } from '@/lib/i18n/translate';
import { LanguageSwitch } from './LanguageSwitch';
import { SignOutForm } from './SignOutForm';

export interface NavItem {
  href: string;
  label: string;
}

export function AppHeader({
  actor,
  t,
  locale,
  nav,
  currentPath,
  signOutAction,
  setLocaleAction,
}: {
  actor: Actor;
  t: Translate;
  locale: AppLocale;
  nav: NavItem[];
  currentPath: string;
  signOutAction: (formData: FormData) => Promise<void>;
  setLocaleAction: (formData: FormData) => Promise<void>;
}) {
  return (
    <header className="no-print bg-slate-900 text-white">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link href="/" className="flex min-h-11 items-center text-xl font-bold">
          {t('common.appName')}
        </Link>
        <nav aria-label={t('nav.main')} className="flex-1">
          <ul className="flex flex-wrap gap-1">
            {nav.map((item) => {
              const current = currentPath === item.href || currentPath.startsWith(`${item.href}/`) || currentPath.startsWith(`${item.href}?`);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={current ? 'page' : undefined}
                    className={`flex min-h-11 items-center whitespace-nowrap rounded px-3 font-semibold ${current ? 'bg-white text-slate-900' : 'hover:bg-slate-700'}`}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <p className="text-sm leading-tight">
          <span className="block font-semibold">{actor.name}</span>
          <span className="block text-slate-200">
            {t(`roles.${actor.role}`)}
            {actor.portSlug ? ` · ${actor.portSlug}` : ''}
          </span>
        </p>
        <LanguageSwitch
          action={setLocaleAction}
          locale={locale}
          back={currentPath}
          labels={{ language: t('common.language'), english: t('common.english'), spanish: t('common.spanish') }}
        />
        <SignOutForm
          action={signOutAction}
          userId={actor.userId}
          labels={{ signOut: t('common.signOut'), warnOne: t('offline.signOutWarnOne'), warnOther: t('offline.signOutWarnOther') }}
        />
      </div>
    </header>
  );
}
