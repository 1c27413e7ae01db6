'use client';

import { useI18n } from '@/components/ui/I18nProvider';

/** Connection trouble as a persistent banner, never a blank page (an officer must always know whether taps reach the server). */
export function ConnectionBanners({ offline, reconnecting }: { offline: boolean; reconnecting: boolean }) {
  const { t } = useI18n();
  const banner = 'no-print sticky top-0 z-40 mb-3 rounded border-2 border-amber-800 bg-amber-100 px-4 py-3 text-lg font-semibold text-amber-950';
  return (
    <>
      {offline && (
        <div role="status" className={banner}>
          {t('common.offline')}
        </div>
      )}
      {reconnecting && (
        <div role="status" data-testid="reconnecting" className={banner}>
          {t('common.reconnecting')}
        </div>
      )}
    </>
  );
}
