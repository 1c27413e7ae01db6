import Link from 'next/link';
import { Suspense } from 'react';
import { FlagDecision } from '@/components/review/FlagDecision';
import { Skeleton } from '@/components/ui/Skeleton';
import type { Actor } from '@/lib/auth/actor';
import { requirePageActor } from '@/lib/auth/current';
import { messagesFor } from '@/lib/i18n/catalog';
import { getT } from '@/lib/i18n/server';
import { listOpenFlags, offlineTapTimes, type FlagAppointment, type FlagQueueItem } from '@/lib/intake/flag-queries';
import { toPortIso } from '@/lib/time';
import { pageTitle } from '@/lib/i18n/page-title';
import { interpolate } from '@/lib/i18n/translate';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('review.title');

function Appt({ a, born }: { a: FlagAppointment; born: string }) {
  return (
    <span>
      <Link href={`/roster/${a.portSlug}?date=${a.date}&q=${a.confirmationCode}`} className="font-mono font-semibold text-blue-800 underline">
        {a.confirmationCode}
      </Link>{' '}
      {a.givenName} {a.familyName} ({interpolate(born, { date: a.dateOfBirth })}, {a.nationality}) · {a.portName} · {a.date} · {a.status}
    </span>
  );
}

/** A stale offline tap: both times, so the supervisor can decide whether to correct the status. */
function OfflineTimes({ f, text }: { f: FlagQueueItem; text: string }) {
  const times = offlineTapTimes(f.matchReasons);
  if (!times) return null;
  const clock = (iso: string) => toPortIso(new Date(iso), f.appointment.timeZone).slice(0, 16).replace('T', ' ');
  return <p className="mt-1">{interpolate(text, { recorded: clock(times.recordedAt), received: clock(times.receivedAt) })}</p>;
}

export default async function ReviewPage() {
  // The access check first (a refusal is a real 403/404); the queue streams in after the shell.
  const actor = await requirePageActor('flags.review');
  const { t } = await getT();
  return (
    <>
      <h1 className="mb-1 text-3xl font-bold">{t('review.title')}</h1>
      <p className="mb-6 max-w-3xl text-slate-700">{t('review.intro')}</p>
      <Suspense fallback={<Skeleton label={t('common.loading')} shape="list" />}>
        <ReviewQueue actor={actor} />
      </Suspense>
    </>
  );
}

/** The open flags: the part of the page that waits on the queue's query. */
async function ReviewQueue({ actor }: { actor: Actor }) {
  const { t, locale } = await getT();
  const m = messagesFor(locale).review;
  const flags = await listOpenFlags(actor);
  return (
    <>
      {flags.length === 0 ? (
        <p>{t('review.empty')}</p>
      ) : (
        <ul className="space-y-4">
          {flags.map((f) => (
            <li key={f.id} className="rounded border border-slate-300 bg-white p-4">
              <h2 className="text-lg font-bold">{m.kinds[f.kind]}</h2>
              <p>
                <span className="font-semibold">{m.flagged}: </span>
                <Appt a={f.appointment} born={m.born} />
              </p>
              {f.kind === 'offline_tap' ? (
                <OfflineTimes f={f} text={t('offline.reviewTimes')} />
              ) : (
                <>
                  <p className="mt-1 font-semibold">{m.linked}:</p>
                  <ul className="ml-5 list-disc">
                    {f.linked.map((l) => (
                      <li key={l.id}>
                        <Appt a={l} born={m.born} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <FlagDecision
                flagId={f.id}
                labels={{ decision: m.decision, confirm: m.confirm, dismiss: m.dismiss, reason: m.reason, reasonHint: m.reasonHint, submit: m.submit, saved: m.saved }}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
