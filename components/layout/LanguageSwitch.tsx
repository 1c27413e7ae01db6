import type { AppLocale } from '@/lib/i18n/translate';

/** A plain form: works without JavaScript and by keyboard; the server remembers the choice. */
export function LanguageSwitch({
  action,
  locale,
  back,
  labels,
}: {
  action: (formData: FormData) => Promise<void>;
  locale: AppLocale;
  back: string;
  labels: { language: string; english: string; spanish: string };
}) {
  const other: AppLocale = locale === 'en' ? 'es' : 'en';
  return (
    <form action={action} className="no-print">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="back" value={back} />
      <button
        type="submit"
        lang={other}
        aria-label={`${labels.language}: ${other === 'es' ? labels.spanish : labels.english}`}
        className="min-h-11 rounded border border-current px-3 py-2 font-semibold"
      >
        {other === 'es' ? labels.spanish : labels.english}
      </button>
    </form>
  );
}
