import Link from 'next/link';
import type { AppointmentFlag } from '@/lib/intake/flag-queries';
import type { AppLocale, Translate } from '@/lib/i18n/translate';
import { formatDateLong } from '@/lib/format';

/** Possible hoarding or duplicate identity, with the linked appointments the viewer may see. */
export function FlagsSection({ flags, t, locale }: { flags: AppointmentFlag[]; t: Translate; locale: AppLocale }) {
  if (flags.length === 0) return null;
  return (
    <section aria-labelledby="flags-title" className="rounded border-2 border-amber-700 bg-amber-50 p-4 lg:col-span-2">
      <h2 id="flags-title" className="mb-2 text-2xl font-bold">
        {t('review.flagsHeading')}
      </h2>
      <ul className="space-y-3">
        {flags.map((f) => (
          <li key={f.id}>
            <p className="font-semibold">
              {t(`review.kinds.${f.kind}`)} · {t(`review.flagStatus.${f.status}`)}
              {f.reason ? ` — ${f.reason}` : ''}
            </p>
            <p className="text-sm font-semibold text-slate-700">{t('review.linked')}</p>
            <ul className="ml-4 list-disc">
              {f.linked.map((l) => (
                <li key={l.id}>
                  <Link href={`/appointments/${l.id}`} className="text-blue-900 underline">
                    {l.familyName}, {l.givenName}
                  </Link>{' '}
                  · <span className="font-mono">{l.confirmationCode}</span> · {l.portName} · {formatDateLong(l.date, locale)}
                </li>
              ))}
              {f.hiddenLinked > 0 && <li>{t('review.hiddenLinked', { count: f.hiddenLinked })}</li>}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
