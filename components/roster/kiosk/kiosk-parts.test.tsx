/**
 * The kiosk's hooks and parts in a DOM (happy-dom) with Testing Library. The network is the one
 * thing stubbed: globalThis.fetch answers as our API does (its error shape), or not at all.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/ui/I18nProvider';
import { rosterKeys, statsKeys } from '@/lib/api-client';
import { pendingActions, resetQueueConnection } from '@/lib/api-client/offline-queue';
import { en } from '@/lib/i18n/messages/en';
import { es } from '@/lib/i18n/messages/es';
import { createTranslator } from '@/lib/i18n/translate';
import { ConnectionBanners } from './ConnectionBanners';
import { appointment } from './fixtures';
import { RosterTable, type RosterTableProps } from './RosterTable';
import { useArrivalActions } from './use-arrival-actions';
import { useScanInput } from './use-scan-input';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  globalThis.indexedDB = new IDBFactory();
  resetQueueConnection();
});

const t = createTranslator(en);
const maria = appointment();

function wrapper(client: QueryClient, messages: unknown = en) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={client}>
        <I18nProvider locale={messages === es ? 'es' : 'en'} messages={messages}>
          {children}
        </I18nProvider>
      </QueryClientProvider>
    );
  };
}

const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

describe('ConnectionBanners', () => {
  it('says offline or reconnecting in words, in the chosen language, and nothing when all is well', () => {
    const client = new QueryClient();
    const { rerender } = render(<ConnectionBanners offline reconnecting={false} />, { wrapper: wrapper(client) });
    expect(screen.getByRole('status').textContent).toBe(en.common.offline);
    rerender(<ConnectionBanners offline={false} reconnecting={false} />);
    expect(screen.queryByRole('status')).toBeNull();
    cleanup();
    render(<ConnectionBanners offline={false} reconnecting />, { wrapper: wrapper(client, es) });
    expect(screen.getByTestId('reconnecting').textContent).toBe(es.common.reconnecting);
  });
});

describe('RosterTable', () => {
  it('shows each row with its action, and the button calls back with the row', () => {
    const onPrimary = vi.fn();
    const props: RosterTableProps = {
      caption: 'Roster', rows: [maria], timeZone: 'America/Tijuana', now: new Date('2099-01-15T16:00:00Z'), editable: true,
      nextDueIds: new Set([maria.id]), selectedId: null, hintFor: () => undefined, pendingId: null, results: {}, askMembersFor: null,
      onPrimary, onConfirmMembers: vi.fn(), onCancelMembers: vi.fn(), onNoShow: vi.fn(), onUndo: vi.fn(), nowLine: false,
    };
    render(<RosterTable {...props} />, { wrapper: wrapper(new QueryClient()) });
    expect(screen.getByRole('table', { name: 'Roster' })).toBeTruthy();
    expect(screen.getByText(/García López/)).toBeTruthy();
    const buttons = screen.getAllByRole('button');
    expect(buttons.length).toBeGreaterThan(0);
    fireEvent.click(buttons[0]!);
    expect(onPrimary).toHaveBeenCalledWith(maria);
  });
});

describe('useArrivalActions', () => {
  function setup() {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const key = rosterKeys.day('san-ysidro', maria.date);
    client.setQueryData(key, { appointments: [maria] });
    client.setQueryData(statsKeys.today(['san-ysidro']), { at: 'x' });
    client.setQueryData(rosterKeys.day('nogales', maria.date), { appointments: [] });
    const onSettled = vi.fn();
    const hook = renderHook(() => useArrivalActions({ userId: 'officer-1', slug: 'san-ysidro', date: maria.date, timeZone: 'America/Tijuana', t, locale: 'en', onSettled }), { wrapper: wrapper(client) });
    return { client, key, hook, onSettled };
  }

  it('checks in: the row takes the server answer, the result is said, and exactly what changed is invalidated', async () => {
    const arrived = { ...maria, status: 'checked_in' as const, arrivedAt: '2099-01-15T17:20:00Z', arrivedBy: 'Officer', membersPresent: 1, version: 2 };
    const fetch = answer(200, { appointment: arrived });
    vi.stubGlobal('fetch', fetch);
    const { client, key, hook, onSettled } = setup();
    act(() => hook.result.current.act(maria, 'check-in'));
    await waitFor(() => expect(onSettled).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0]! as unknown as [string, RequestInit];
    expect(url).toBe(`/api/v1/appointments/${maria.id}/check-in`);
    expect(JSON.parse(String(init.body)).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.getQueryData<{ appointments: unknown[] }>(key)!.appointments[0]).toEqual(arrived);
    expect(hook.result.current.announcement).toBe(t('kiosk.checkedInOne', { time: '09:20' }));
    expect(client.getQueryState(key)!.isInvalidated).toBe(true);
    expect(client.getQueryState(statsKeys.today(['san-ysidro']))!.isInvalidated).toBe(true);
    expect(client.getQueryState(rosterKeys.day('nogales', maria.date))!.isInvalidated).toBe(false);
  });

  it('when someone else won, shows who and when, and keeps their version of the row', async () => {
    const theirs = { ...maria, status: 'checked_in' as const, arrivedAt: '2099-01-15T17:10:00Z', arrivedBy: 'Otra Oficial', version: 2 };
    vi.stubGlobal('fetch', answer(409, { error: { code: 'ALREADY_ARRIVED', message: 'Already checked in.', appointment: theirs } }));
    const { client, key, hook, onSettled } = setup();
    act(() => hook.result.current.act(maria, 'check-in'));
    await waitFor(() => expect(onSettled).toHaveBeenCalled());
    expect(hook.result.current.results[maria.id]).toEqual({ text: t('kiosk.alreadyArrived', { time: '09:10', name: 'Otra Oficial' }), tone: 'warn' });
    expect(client.getQueryData<{ appointments: unknown[] }>(key)!.appointments[0]).toEqual(theirs);
  });

  it('offline: the optimistic change is rolled back in the cache and the action is kept on the device with its key', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const { client, key, hook, onSettled } = setup();
    act(() => hook.result.current.act(maria, 'check-in'));
    await waitFor(() => expect(onSettled).toHaveBeenCalled());
    await waitFor(() => expect(hook.result.current.pending).toHaveLength(1));
    expect(hook.result.current.announcement).toBe(t('offline.queued', { action: t('offline.actions.check-in'), name: 'García López, María' }));
    expect(client.getQueryData<{ appointments: Array<{ status: string }> }>(key)!.appointments[0]!.status).toBe('scheduled');
    const [kept] = await pendingActions('officer-1');
    expect(kept).toMatchObject({ appointmentId: maria.id, action: 'check-in', key: kept!.body.idempotencyKey });
  });
});

describe('useScanInput', () => {
  it('Enter on a scanned code selects the person and announces it; Enter again acts', async () => {
    const onAct = vi.fn();
    const announce = vi.fn();
    const { result } = renderHook(() =>
      useScanInput({ rows: [maria], slug: 'san-ysidro', t, locale: 'en', selectionHint: () => 'Press Enter', onAct, announce }),
    );
    act(() => result.current.setQ('sy7k-2m9q'));
    await act(() => result.current.onEnter());
    expect(result.current.selectedId).toBe(maria.id);
    expect(announce).toHaveBeenCalledWith('Press Enter');
    await act(() => result.current.onEnter());
    expect(onAct).toHaveBeenCalledWith(maria);
  });

  it('a code from another port is looked up and named, with a link when the officer may see it', async () => {
    vi.stubGlobal('fetch', answer(200, { location: { portSlug: 'nogales', portName: 'Nogales', date: '2099-01-16', visible: false, appointmentId: null } }));
    const { result } = renderHook(() =>
      useScanInput({ rows: [maria], slug: 'san-ysidro', t, locale: 'en', selectionHint: () => undefined, onAct: vi.fn(), announce: vi.fn() }),
    );
    act(() => result.current.setQ('SY9Z9Z9Z'));
    await act(() => result.current.onEnter());
    expect(result.current.notice?.text).toContain('Nogales');
    expect(result.current.notice?.href).toBeUndefined();
  });
});
