import type { Translate } from '@/lib/i18n/translate';

/** The words every admin form needs, as plain props for client components. */
export function formLabels(t: Translate) {
  return {
    errorSummary: t('admin.form.errorSummary'),
    saving: t('admin.form.saving'),
    confirm: t('admin.form.confirm'),
    confirmTitle: t('admin.form.confirmTitle'),
    cancel: t('common.cancel'),
    networkError: t('admin.form.networkError'),
  };
}
