import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { setLocaleAction, signOutAction } from '@/app/actions/session';
import { AppHeader, type NavItem } from '@/components/layout/AppHeader';
import { IdleGuard } from '@/components/layout/IdleGuard';
import { requirePageActor } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { getT } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const { t, locale } = await getT();
  const currentPath = (await headers()).get('x-pathname') ?? '/';
  const nav: NavItem[] = [];
  if (actor.role === 'officer' && actor.portSlug) nav.push({ href: `/roster/${actor.portSlug}`, label: t('nav.roster') });
  nav.push({ href: '/dashboard', label: t('nav.dashboard') });
  if (actor.role !== 'officer') nav.push({ href: '/ports', label: t('home.portsTitle') });
  if (can(actor.role, 'audit.read')) nav.push({ href: '/audit', label: t('nav.audit') });
  if (can(actor.role, 'admin.capacity')) {
    nav.push({ href: '/admin', label: t('nav.administration') });
  }
  if (actor.role !== 'officer') nav.push({ href: '/review', label: t('review.nav') });
  const idleMs = env().SESSION_IDLE_MINUTES * 60_000;
  // The wall view uses the whole width of a wall display; every other page keeps a readable column.
  const wide = currentPath === '/dashboard/wall' || currentPath.startsWith('/dashboard/wall?');
  return (
    <>
      <AppHeader actor={actor} t={t} locale={locale} nav={nav} currentPath={currentPath} signOutAction={signOutAction} setLocaleAction={setLocaleAction} />
      <main id="main" className={wide ? 'px-6 py-4' : 'mx-auto max-w-screen-2xl px-4 py-6'}>
        {children}
      </main>
      <IdleGuard
        idleMs={idleMs}
        warnMs={Math.min(60_000, idleMs / 2)}
        userId={actor.userId}
        signOutAction={signOutAction}
        labels={{ title: t('idle.title'), body: t('idle.body'), stay: t('idle.stay'), hint: t('idle.hint'), pendingOne: t('idle.pendingOne'), pendingOther: t('idle.pendingOther') }}
      />
    </>
  );
}
