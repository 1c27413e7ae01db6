/**
 * The offline queue over a fake IndexedDB: tap order, dedupe, replay that stops at the first
 * action still without an answer, nothing sent twice, and the kiosk hook end to end with a stubbed fetch.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/ui/I18nProvider';
import { ApiError, offlineError } from '@/lib/api-client/api-error';
import { enqueue, pendingActions, replayPending, resetQueueConnection, type QueuedAction } from '@/lib/api-client/offline-queue';
import { en } from '@/lib/i18n/messages/en';
import { es } from '@/lib/i18n/messages/es';
import { createTranslator } from '@/lib/i18n/translate';
import { appointment } from './fixtures';
import { PendingBanner, withPending } from './offline-parts';
import { useArrivalActions } from './use-arrival-actions';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetQueueConnection();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const t = createTranslator(en);
const ids = ['a', 'b', 'c', 'd', 'e'].map((c) => `${c.repeat(8)}-1111-4111-8111-111111111111`);
const entry = (i: number, over: Partial<QueuedAction> = {}) => ({
  key: `key-${i}`,
  userId: 'officer-1',
  appointmentId: ids[i]!,
  action: 'check-in' as const,
  body: { idempotencyKey: `key-${i}`, tappedAt: 1000 + i, clockOffsetMs: 0 },
  tappedAt: 1000 + i,
  clockOffsetMs: 0,
  name: `Person ${i}`,
  ...over,
});
const row = (i: number) => appointment({ id: ids[i]!, status: 'checked_in' });

describe('the queue', () => {
  it('keeps tap order whatever the order of queuing, and each officer sees only their own', async () => {
    await enqueue(entry(2));
    await enqueue(entry(0));
    await enqueue(entry(1));
    await enqueue(entry(3, { userId: 'officer-2' }));
    expect((await pendingActions('officer-1')).map((q) => q.key)).toEqual(['key-0', 'key-1', 'key-2']);
    expect((await pendingActions('officer-2')).map((q) => q.key)).toEqual(['key-3']);
  });

  it('dedupes: the same key twice is one entry, and a second tap of the same action on a pending row keeps the first tap', async () => {
    await enqueue(entry(0));
    await enqueue(entry(0, { tappedAt: 5000 }));
    await enqueue(entry(0, { key: 'key-again', tappedAt: 6000 }));
    // Another action on the same row (an undo after the check-in) is a new entry.
    await enqueue(entry(0, { key: 'key-undo', action: 'undo', tappedAt: 7000 }));
    expect((await pendingActions('officer-1')).map((q) => [q.key, q.tappedAt])).toEqual([
      ['key-0', 1000],
      ['key-undo', 7000],
    ]);
  });

  it('replays in tap order, stops at the first still unanswered, and never sends an accepted one again', async () => {
    for (const i of [3, 1, 0, 2, 4]) await enqueue(entry(i));
    const sent: string[] = [];
    let down = 'key-2';
    const send = async (q: QueuedAction) => {
      sent.push(q.key);
      if (q.key === down) throw offlineError();
      if (q.key === 'key-1') throw new ApiError(409, 'ALREADY_ARRIVED', 'Already', { appointment: row(1) });
      if (q.key === 'key-3') throw new ApiError(409, 'UNDO_EXPIRED', 'Too late to undo');
      return { appointment: row(Number(q.key.slice(4))) };
    };
    const outcomes: string[] = [];
    const onOutcome = (q: QueuedAction, o: { kind: string }) => outcomes.push(`${q.key}:${o.kind}`);
    await replayPending('officer-1', send, onOutcome);
    expect(sent).toEqual(['key-0', 'key-1', 'key-2']);
    expect((await pendingActions('officer-1')).map((q) => q.key)).toEqual(['key-2', 'key-3', 'key-4']);
    down = '';
    // Two triggers at once (the online event and a successful poll) make one replay.
    await Promise.all([replayPending('officer-1', send, onOutcome), replayPending('officer-1', send, onOutcome)]);
    expect(sent).toEqual(['key-0', 'key-1', 'key-2', 'key-2', 'key-3', 'key-4']);
    expect(outcomes).toEqual(['key-0:accepted', 'key-1:already', 'key-2:retry', 'key-2:accepted', 'key-3:refused', 'key-4:accepted']);
    expect(await pendingActions('officer-1')).toEqual([]);
  });
});

describe('the kiosk parts', () => {
  it('count the pending actions with the right plural, in English and Spanish', () => {
    const client = new QueryClient();
    const wrap = (messages: unknown) =>
      function W({ children }: { children: ReactNode }) {
        return (
          <QueryClientProvider client={client}>
            <I18nProvider locale={messages === es ? 'es' : 'en'} messages={messages}>
              {children}
            </I18nProvider>
          </QueryClientProvider>
        );
      };
    const { rerender } = render(<PendingBanner count={1} />, { wrapper: wrap(en) });
    expect(screen.getByTestId('pending-actions').textContent).toBe('1 action waiting for the network');
    rerender(<PendingBanner count={3} />);
    expect(screen.getByTestId('pending-actions').textContent).toBe('3 actions waiting for the network');
    rerender(<PendingBanner count={0} />);
    expect(screen.queryByTestId('pending-actions')).toBeNull();
    cleanup();
    render(<PendingBanner count={2} />, { wrapper: wrap(es) });
    expect(screen.getByTestId('pending-actions').textContent).toBe('2 acciones esperando la red');
  });

  it('show each pending row as it will be: late when tapped (corrected) after the deadline', () => {
    const a = appointment();
    const before = Date.parse(a.deadline) - 60_000;
    expect(withPending([a], [{ ...entry(0, { appointmentId: a.id, tappedAt: before }), seq: 1 }])[0]!.status).toBe('checked_in');
    expect(withPending([a], [{ ...entry(0, { appointmentId: a.id, tappedAt: before, clockOffsetMs: 120_000 }), seq: 1 }])[0]!.status).toBe('late');
  });

  it('show an outcome kept on this device (recorded on the record page) as processed in its row', () => {
    const a = appointment({ status: 'checked_in' });
    expect(withPending([a], [{ ...entry(0, { appointmentId: a.id, action: 'outcome', body: { code: 'approved', idempotencyKey: 'key-0' } }), seq: 1 }])[0]!.status).toBe('processed');
  });
});

describe('useArrivalActions with the queue', () => {
  it('an offline tap is kept with its tap time and offset, replayed when the network is back, and the answer is said', async () => {
    const maria = appointment();
    const arrived = { ...maria, status: 'checked_in' as const, arrivedAt: '2099-01-15T17:20:00Z', arrivedBy: 'Officer', membersPresent: 1, version: 2 };
    const calls: Array<Record<string, unknown>> = [];
    const accepted: unknown[] = [];
    let online = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        calls.push(JSON.parse(String(init.body)) as Record<string, unknown>);
        if (!online) throw new TypeError('Failed to fetch');
        accepted.push(JSON.parse(String(init.body)).idempotencyKey);
        return new Response(JSON.stringify({ appointment: arrived }), { status: 200, headers: { 'Content-Type': 'application/json', 'X-Server-Time': String(Date.now()) } });
      }),
    );
    // The offset measured at the last successful request before the network went.
    localStorage.setItem('port-roster.clock-offset', JSON.stringify({ offsetMs: 4200, measuredAt: Date.now() }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(['roster', 'san-ysidro', maria.date], { appointments: [maria] });
    const hook = renderHook(() => useArrivalActions({ userId: 'officer-1', slug: 'san-ysidro', date: maria.date, timeZone: 'America/Tijuana', t, locale: 'en', onSettled: vi.fn() }), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={client}>
          <I18nProvider locale="en" messages={en}>
            {children}
          </I18nProvider>
        </QueryClientProvider>
      ),
    });
    act(() => hook.result.current.act(maria, 'check-in'));
    await waitFor(() => expect(hook.result.current.pending).toHaveLength(1));
    const [kept] = await pendingActions('officer-1');
    expect(kept!.body).toMatchObject({ idempotencyKey: calls[0]!.idempotencyKey, clockOffsetMs: 4200, tappedAt: kept!.tappedAt });
    // A second tap while one is pending queues behind it (the check-in must reach the server first).
    act(() => hook.result.current.act(maria, 'undo'));
    await waitFor(() => expect(hook.result.current.pending).toHaveLength(2));
    const undoKey = (await pendingActions('officer-1'))[1]!.key;
    await new Promise((r) => setTimeout(r, 50));
    online = true;
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(hook.result.current.pending).toHaveLength(0));
    // In tap order, each accepted exactly once.
    expect(accepted).toEqual([kept!.key, undoKey]);
    expect(hook.result.current.announcement).toMatch(/^Sent from this device: /);
    expect(hook.result.current.results[maria.id]!.text).toMatch(/^Sent from this device: /);
  });
});
