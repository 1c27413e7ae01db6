import { PasswordChangeForm } from '@/components/admin/PasswordChangeForm';
import { formLabels } from '@/lib/admin/form-labels';
import { requirePageActor } from '@/lib/auth/current';
import { homePath } from '@/lib/auth/permissions';
import { pickMessages } from '@/lib/i18n/catalog';
import { getT } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('admin.account.passwordTitle');

/** Everyone may change their own password; after an admin created or reset the account, they must. */
export default async function PasswordPage() {
  const actor = await requirePageActor();
  const { t, locale } = await getT();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">{t('admin.account.passwordTitle')}</h1>
      <p className="mb-6 text-slate-700">{actor.mustChangePassword ? t('admin.account.passwordIntro') : t('admin.account.passwordVoluntary')}</p>
      <PasswordChangeForm messages={pickMessages(locale, ['admin'])} labels={formLabels(t)} locale={locale} home={homePath(actor)} />
    </div>
  );
}
