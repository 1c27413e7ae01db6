import { RosterUpload } from '@/components/intake/RosterUpload';
import { requirePageActor } from '@/lib/auth/current';
import { messagesFor } from '@/lib/i18n/catalog';
import { getT } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('intake.importTitle');

export default async function ImportPage() {
  await requirePageActor('intake.importRoster');
  const { t, locale } = await getT();
  const m = messagesFor(locale).intake;
  return (
    <>
      <h1 className="mb-1 text-3xl font-bold">{t('intake.importTitle')}</h1>
      <p className="mb-6 max-w-3xl text-slate-700">{t('intake.importIntro')}</p>
      <RosterUpload
        labels={{
          fileLabel: m.fileLabel, fileHint: m.fileHint, upload: m.upload, uploading: m.uploading, processing: m.processing, done: m.done,
          failed: m.failed, reportTitle: m.reportTitle, row: m.row, column: m.column, problem: m.problem, wholeFile: m.wholeFile,
          noFile: m.noFile, networkError: m.networkError,
        }}
      />
    </>
  );
}
