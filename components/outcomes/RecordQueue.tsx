'use client';

/**
 * The offline queue on the record page: the same banner as the kiosk while anything waits, the
 * replay of every waiting action in tap order when the network is back, and each answer shown and
 * announced here (the form that kept it is gone once the record is processed). The outcome form
 * keeps its outcome through useRecordQueue.
 */
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { PendingBanner } from '@/components/roster/kiosk/offline-parts';
import { describeReplay } from '@/components/roster/kiosk/describe-arrival';
import { useOfflineQueue } from '@/components/roster/kiosk/use-offline-queue';
import type { RowResult } from '@/components/roster/RosterRow';
import { useI18n } from '@/components/ui/I18nProvider';
import type { QueuedAction, ReplayOutcome } from '@/lib/api-client/offline-queue';

type Queue = ReturnType<typeof useOfflineQueue>;
const QueueContext = createContext<Queue | null>(null);

export function useRecordQueue(): Queue {
  const queue = useContext(QueueContext);
  if (!queue) throw new Error('useRecordQueue outside RecordQueue');
  return queue;
}

const TONE = { ok: 'text-green-900', warn: 'text-amber-900', error: 'text-red-800' } as const;

export function RecordQueue({ userId, timeZone, children }: { userId: string; timeZone: string; children: ReactNode }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [results, setResults] = useState<Array<RowResult & { key: string }>>([]);
  const onReplayed = useCallback(
    (entry: QueuedAction, outcome: ReplayOutcome) => {
      const said = describeReplay(entry, outcome, t, timeZone, locale);
      if (!said) return;
      setResults((r) => [...r, { ...said, key: entry.key, text: t('offline.resultFor', { name: entry.name, result: said.text }) }]);
      // The record as the server has it now (status, outcome, timeline).
      router.refresh();
    },
    [t, timeZone, locale, router],
  );
  const queue = useOfflineQueue(userId, onReplayed);
  return (
    <QueueContext.Provider value={queue}>
      <PendingBanner count={queue.pending.length} />
      <div role="status" data-testid="replay-results">
        {results.length > 0 && (
          <ul className="mb-4 rounded border-2 border-slate-400 bg-white p-3 text-lg font-semibold">
            {results.map((r) => (
              <li key={r.key} className={TONE[r.tone]}>
                {r.text}
              </li>
            ))}
          </ul>
        )}
      </div>
      {children}
    </QueueContext.Provider>
  );
}
