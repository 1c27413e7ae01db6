import { Skeleton } from '@/components/ui/Skeleton';
import { getT } from '@/lib/i18n/server';

/** Streamed at once while the page's queries run (Next wraps the page in Suspense with this). */
export default async function Loading() {
  const { t } = await getT();
  return <Skeleton label={t('common.loading')} shape="record" />;
}
