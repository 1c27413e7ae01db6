'use client';

import { useEffect, useRef } from 'react';
import { useI18n } from '@/components/ui/I18nProvider';

/** Native <dialog>: focus is trapped and Escape closes it without extra code. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const rows: [string, string][] = [
    ['/', t('kiosk.shortcutSlash')],
    ['Enter', t('kiosk.shortcutEnter')],
    ['Esc', t('kiosk.shortcutEscape')],
    ['?', t('kiosk.shortcutHelp')],
  ];
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="shortcuts-title" className="m-auto w-full max-w-md rounded-lg p-6 backdrop:bg-slate-900/60">
      <h2 id="shortcuts-title" className="mb-4 text-2xl font-bold">
        {t('kiosk.shortcutsTitle')}
      </h2>
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        {rows.map(([key, label]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-500 bg-slate-100 px-2 py-0.5 font-mono">{key}</kbd>
            </dt>
            <dd>{label}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="min-h-11 w-full rounded bg-blue-800 px-4 font-semibold text-white">
          {t('common.close')}
        </button>
      </form>
    </dialog>
  );
}
