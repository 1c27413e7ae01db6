import Link from 'next/link';
import { Suspense } from 'react';
import { notFound, redirect } from 'next/navigation';
import { Kiosk } from '@/components/roster/Kiosk';
import { PrintHeader } from '@/components/roster/PrintHeader';
import { I18nProvider } from '@/components/ui/I18nProvider';
import { Skeleton } from '@/components/ui/Skeleton';
import { QueryProvider } from '@/lib/api-client/QueryProvider';
import type { Actor } from '@/lib/auth/actor';
import { requirePageActor } from '@/lib/auth/current';
import { auditIfDenied } from '@/lib/auth/page-denial';
import { can } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors';
import { pickMessages } from '@/lib/i18n/catalog';
import { getT } from '@/lib/i18n/server';
import { getRoster, rosterPort } from '@/lib/roster/queries';
import { IsoDateSchema } from '@/lib/roster/schemas';
import { addDays, now, toPortIso } from '@/lib/time';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('roster.title');

const NAV = 'inline-flex min-h-11 items-center rounded border-2 border-slate-700 bg-white px-3 font-semibold';

export default async function RosterPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor('roster.read');
  const { slug } = await params;
  const { date: rawDate } = await searchParams;
  const date = typeof rawDate === 'string' ? rawDate : undefined;
  if (date !== undefined && !IsoDateSchema.safeParse(date).success) redirect(`/roster/${slug}`);
  const { t } = await getT();
  // The access check first, so a refusal is a real 404; the roster itself streams in after the shell.
  let port;
  try {
    port = await rosterPort(actor, slug);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') {
      await auditIfDenied(error);
      notFound();
    }
    throw error;
  }
  const today = port.today;
  const day = date ?? today;
  const base = `/roster/${slug}`;
  return (
    <>
      <nav aria-label={t('roster.date')} className="no-print mb-4 flex flex-wrap items-end gap-2">
        <Link href={`${base}?date=${addDays(day, -1)}`} className={NAV}>
          ← {t('roster.previousDay')}
        </Link>
        <Link href={base} className={NAV} aria-current={day === today ? 'date' : undefined}>
          {t('roster.today')}
        </Link>
        <Link href={`${base}?date=${addDays(day, 1)}`} className={NAV}>
          {t('roster.nextDay')} →
        </Link>
        <form method="get" action={base} className="flex items-end gap-2">
          <div>
            <label htmlFor="roster-date" className="block text-sm font-semibold">
              {t('roster.date')}
            </label>
            <input id="roster-date" type="date" name="date" defaultValue={day} className="min-h-11 rounded border-2 border-slate-700 px-2" />
          </div>
          <button type="submit" className={NAV}>
            {t('roster.show')}
          </button>
        </form>
      </nav>
      <Suspense fallback={<Skeleton label={t('common.loading')} shape="table" />}>
        <RosterBody actor={actor} slug={slug} date={date} />
      </Suspense>
    </>
  );
}

/** The day's roster: the part of the page that waits on the roster query. */
async function RosterBody({ actor, slug, date }: { actor: Actor; slug: string; date: string | undefined }) {
  const { t, locale } = await getT();
  const roster = await getRoster(actor, slug, { date });
  const editable = roster.date === roster.port.today && can(actor.role, 'appointment.checkIn');
  return (
    <>
      <PrintHeader
        portName={roster.port.name}
        date={roster.date}
        printed={t('roster.printed', { time: `${toPortIso(now(), roster.port.timeZone).slice(0, 16).replace('T', ' ')} (${roster.port.timeZone})` })}
      />
      <I18nProvider locale={locale} messages={pickMessages(locale, ['common', 'status', 'roster', 'kiosk', 'review', 'offline'])}>
        <QueryProvider>
          <Kiosk key={`${slug}:${roster.date}`} initial={roster} editable={editable} userId={actor.userId} />
        </QueryProvider>
      </I18nProvider>
    </>
  );
}
