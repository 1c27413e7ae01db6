import Link from 'next/link';
import { getT } from '@/lib/i18n/server';

export default async function NotFound() {
  const { t } = await getT();
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="mb-4 text-3xl font-bold">{t('errors.notFoundTitle')}</h1>
      <p className="mb-6 text-lg">{t('errors.notFoundBody')}</p>
      <Link href="/" className="inline-flex min-h-11 items-center rounded bg-blue-800 px-4 font-semibold text-white">
        {t('errors.goHome')}
      </Link>
    </main>
  );
}
