'use client';

/** The search box a scanner types into: filter, selection, and what Enter does. */
import { useMemo, useState } from 'react';
import type { AppointmentStatus } from '@/db/schema/enums';
import { lookupCode } from '@/lib/api-client/roster';
import { formatDateLong } from '@/lib/format';
import type { AppLocale, Translate } from '@/lib/i18n/translate';
import type { Appointment } from '@/lib/roster/schemas';
import { decideScan, matches } from './scan';

export interface Notice {
  text: string;
  href?: string;
}

interface Options {
  rows: readonly Appointment[];
  slug: string;
  t: Translate;
  locale: AppLocale;
  /** The words for a selected row ("press Enter to check in ..."), if it has an action. */
  selectionHint: (a: Appointment) => string | undefined;
  onAct: (a: Appointment) => void;
  announce: (text: string) => void;
}

export function useScanInput({ rows, slug, t, locale, selectionHint, onAct, announce }: Options) {
  const [q, setQuery] = useState('');
  const [statusFilter, setStatusFilter] = useState<AppointmentStatus | ''>('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const visible = useMemo(() => rows.filter((a) => matches(a, q) && (!statusFilter || a.status === statusFilter)), [rows, q, statusFilter]);

  /** Typing (or Escape with '') starts over: no selection, no notice. */
  const setQ = (value: string) => {
    setQuery(value);
    setSelectedId(null);
    setNotice(null);
  };

  async function onEnter() {
    setNotice(null);
    const decision = decideScan(q, rows, visible, selectedId);
    if (decision.kind === 'act') onAct(decision.row);
    else if (decision.kind === 'select') {
      setSelectedId(decision.row.id);
      announce(selectionHint(decision.row) ?? `${decision.row.familyName}, ${decision.row.givenName}`);
    } else if (decision.kind === 'lookup') {
      const { code } = decision;
      try {
        const where = await lookupCode(code);
        const text = !where
          ? t('kiosk.codeUnknown', { code })
          : where.portSlug !== slug
            ? t('kiosk.codeElsewhere', { code, port: where.portName, date: formatDateLong(where.date, locale) })
            : t('kiosk.codeOtherDay', { code, date: formatDateLong(where.date, locale) });
        const href = where?.visible ? `/roster/${where.portSlug}?date=${where.date}` : undefined;
        setNotice({ text, href });
        announce(text);
      } catch {
        setNotice({ text: t('kiosk.notRecordedOffline') });
      }
    }
  }

  return { q, setQ, statusFilter, setStatusFilter, selectedId, setSelectedId, notice, visible, onEnter };
}
