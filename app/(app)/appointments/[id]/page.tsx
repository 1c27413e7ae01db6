import Link from 'next/link';
import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { FlagsSection } from '@/components/appointments/FlagsSection';
import { RevealDocument } from '@/components/appointments/RevealDocument';
import { Timeline } from '@/components/appointments/Timeline';
import { formatInstant } from '@/lib/format';
import { CorrectionForm } from '@/components/outcomes/CorrectionForm';
import { OutcomeForm } from '@/components/outcomes/OutcomeForm';
import { RecordQueue } from '@/components/outcomes/RecordQueue';
import { I18nProvider } from '@/components/ui/I18nProvider';
import { Skeleton } from '@/components/ui/Skeleton';
import type { Actor } from '@/lib/auth/actor';
import type { AppLocale, Translate } from '@/lib/i18n/translate';
import { StatusBadge } from '@/components/roster/StatusBadge';
import { getAppointmentHistory, getAppointmentRecord } from '@/lib/appointments/queries';
import { requirePageActor } from '@/lib/auth/current';
import { auditIfDenied } from '@/lib/auth/page-denial';
import { can } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors';
import { countryName, formatDateLong, languageName, needsInterpreter } from '@/lib/format';
import { pickMessages } from '@/lib/i18n/catalog';
import { getT } from '@/lib/i18n/server';
import { getAppointmentFlags } from '@/lib/intake/flag-queries';
import { listAllOutcomeCodes } from '@/lib/outcomes/queries';
import { zoneAbbreviation } from '@/lib/time';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('record.title');

const STATUSES = ['scheduled', 'checked_in', 'late', 'no_show', 'processed', 'cancelled'] as const;

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="py-1 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="font-semibold text-slate-700">{label}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function AppointmentRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('appointment.read');
  const { id } = await params;
  const { t, locale } = await getT();
  // The access check first (a refusal is a real 404); the flags and the timeline stream in after the shell.
  let detail;
  try {
    detail = await getAppointmentRecord(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') {
      await auditIfDenied(error);
      notFound();
    }
    throw error;
  }
  const { appointment: a, person, port } = detail;
  const tz = port.timeZone;
  const allCodes = await listAllOutcomeCodes();
  const label = (c: { labelEn: string; labelEs: string }) => (locale === 'es' ? c.labelEs : c.labelEn);
  const outcomeLabels = Object.fromEntries(allCodes.map((c) => [c.code, label(c)]));
  const outcomeLabel = (code: string) => outcomeLabels[code] ?? code;
  // Both languages in the choice list: the officer may read the label out to the person.
  const choices = allCodes
    .filter((c) => c.active)
    .map((c) => ({ code: c.code, requiresNote: c.requiresNote, label: locale === 'es' ? `${c.labelEs} — ${c.labelEn}` : `${c.labelEn} — ${c.labelEs}` }));
  const statusLabels = Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)]));
  const m = pickMessages(locale, ['outcomes']).outcomes;
  const canRecord = a.status === 'checked_in' && can(actor.role, 'appointment.outcome');
  const canCorrect = can(actor.role, 'appointment.correct');
  const zone = zoneAbbreviation(new Date(a.scheduledAt), tz, locale === 'es' ? 'es-MX' : 'en-US');

  return (
    <I18nProvider locale={locale} messages={pickMessages(locale, ['kiosk', 'offline'])}>
      <RecordQueue userId={actor.userId} timeZone={tz}>
        <p className="mb-2">
          <Link href={`/roster/${port.slug}`} className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
            ← {t('record.back')}
          </Link>
        </p>
        <header className="mb-6 flex flex-wrap items-center gap-4">
          <h1 className="text-3xl font-bold">
            {a.familyName}, {a.givenName}
          </h1>
          <StatusBadge status={a.status} label={t(`status.${a.status}`)} />
          <span className="text-slate-700">
            {t('record.partySize')}: {a.partySize} · {port.name} · <span className="font-mono">{a.confirmationCode}</span> · {t('record.version', { version: a.version })}
          </span>
        </header>

        <div className="grid gap-6 lg:grid-cols-2">
          <Suspense fallback={null}>
            <Flags actor={actor} id={a.id} t={t} locale={locale} />
          </Suspense>
          <section aria-labelledby="person-title" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="person-title" className="mb-2 text-2xl font-bold">
              {t('record.person')}
            </h2>
            <dl>
              <Item label={t('record.familyName')}>{a.familyName}</Item>
              <Item label={t('record.givenName')}>{a.givenName}</Item>
              <Item label={t('record.dateOfBirth')}>{formatDateLong(person.dateOfBirth, locale)}</Item>
              <Item label={t('record.nationality')}>{countryName(a.nationality, locale)}</Item>
              <Item label={t('record.language')}>
                {languageName(a.language, locale)}
                {needsInterpreter(a.language) && <span className="ml-2 rounded bg-purple-100 px-1 text-sm text-purple-900">{t('roster.interpreter')}</span>}
              </Item>
              <Item label={t('record.partySize')}>{a.partySize}</Item>
              <Item label={t('record.membersPresent')}>{a.membersPresent ?? '—'}</Item>
              <Item label={t('record.documentNumber')}>
                {person.documentNumber === null ? (
                  t('record.noDocument')
                ) : can(actor.role, 'document.reveal') ? (
                  <RevealDocument
                    appointmentId={a.id}
                    masked={person.documentNumber}
                    labels={{ reveal: t('record.reveal'), revealing: t('record.revealing'), revealNote: t('record.revealNote'), revealed: t('record.revealed') }}
                  />
                ) : (
                  <span className="font-mono text-lg" data-testid="document-number">
                    {person.documentNumber}
                  </span>
                )}
              </Item>
            </dl>
          </section>

          <section aria-labelledby="booking-title" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="booking-title" className="mb-2 text-2xl font-bold">
              {t('record.booking')}
            </h2>
            <dl>
              <Item label={t('record.confirmationCode')}>
                <span className="font-mono">{a.confirmationCode}</span>
              </Item>
              <Item label={t('record.port')}>{port.name}</Item>
              <Item label={t('record.serviceDate')}>{formatDateLong(a.date, locale)}</Item>
              <Item label={t('record.scheduledAt')}>
                {formatInstant(a.scheduledAt, tz, locale)} {zone}
              </Item>
              <Item label={t('record.deadline')}>
                {formatInstant(a.deadline, tz, locale)} {zone}
              </Item>
              <Item label={t('record.status')}>
                <StatusBadge status={a.status} label={t(`status.${a.status}`)} />
              </Item>
              <Item label={t('record.arrivedAt')}>{a.arrivedAt ? `${formatInstant(a.arrivedAt, tz, locale)} ${zone}` : '—'}</Item>
              <Item label={t('record.arrivedBy')}>{a.arrivedBy ?? '—'}</Item>
              {person.externalRef && <Item label={t('record.externalRef')}>{person.externalRef}</Item>}
            </dl>
          </section>

          <section aria-labelledby="outcome-summary-title" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="outcome-summary-title" className="mb-2 text-2xl font-bold">
              {t('record.outcome')}
            </h2>
            {a.outcome ? (
              <dl>
                <Item label={t('record.outcome')}>{outcomeLabel(a.outcome.code)}</Item>
                <Item label={t('record.notes')}>
                  <span className="whitespace-pre-line" data-testid="outcome-notes">
                    {a.outcome.notes ?? '—'}
                  </span>
                </Item>
                <Item label={t('record.interpreter')}>
                  {a.outcome.interpreterLanguage ? languageName(a.outcome.interpreterLanguage, locale) : t('record.interpreterNone')}
                </Item>
                <Item label={t('record.recordedAt')}>{formatInstant(a.outcome.recordedAt, tz, locale)} {zone}</Item>
                <Item label={t('record.recordedBy')}>{a.outcome.recordedBy}</Item>
              </dl>
            ) : (
              <p>{t('record.noOutcome')}</p>
            )}
          </section>

          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="mb-1 text-2xl font-bold">
              {t('record.timeline')}
            </h2>
            <p className="mb-3 text-sm text-slate-700">{t('record.timelineZone', { port: port.name, zone: tz })}</p>
            <Suspense fallback={<Skeleton label={t('common.loading')} shape="list" />}>
              <History actor={actor} id={a.id} t={t} locale={locale} timeZone={tz} outcomeLabels={outcomeLabels} />
            </Suspense>
          </section>
        </div>

        <section aria-labelledby="actions-title" className="mt-6">
          <h2 id="actions-title" className="sr-only">
            {t('record.actions')}
          </h2>
          <div className="grid gap-6 lg:grid-cols-2">
            {canRecord && (
              <OutcomeForm
                appointmentId={a.id}
                personName={`${a.familyName}, ${a.givenName}`}
                timeZone={tz}
                version={a.version}
                codes={choices}
                m={m}
                statusLabels={statusLabels}
                outcomeLabels={outcomeLabels}
                suggestedLanguage={needsInterpreter(a.language) ? a.language : null}
              />
            )}
            {canCorrect && (
              <CorrectionForm
                appointmentId={a.id}
                version={a.version}
                currentStatus={a.status}
                codes={choices}
                m={m}
                statusLabels={statusLabels}
                outcomeLabels={outcomeLabels}
              />
            )}
            {!canRecord && !canCorrect && <p className="text-slate-700">{t('record.noActions')}</p>}
          </div>
        </section>
      </RecordQueue>
    </I18nProvider>
  );
}

/** Flags on this record (usually none, so nothing shows while they load). */
async function Flags({ actor, id, t, locale }: { actor: Actor; id: string; t: Translate; locale: AppLocale }) {
  return <FlagsSection flags={await getAppointmentFlags(actor, id)} t={t} locale={locale} />;
}

async function History({
  actor,
  id,
  t,
  locale,
  timeZone,
  outcomeLabels,
}: {
  actor: Actor;
  id: string;
  t: Translate;
  locale: AppLocale;
  timeZone: string;
  outcomeLabels: Record<string, string>;
}) {
  const history = await getAppointmentHistory(actor, id);
  return <Timeline history={history} t={t} locale={locale} timeZone={timeZone} outcomeLabel={(code) => outcomeLabels[code] ?? code} />;
}
