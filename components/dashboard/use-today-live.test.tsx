/**
 * The "today" and wall views with several ports: one event stream for all of them (not one per
 * port, not polling), a change refetches once, and polling every 30 s only while the stream is down.
 * A fake EventSource and fetch (the browser's edges); the real hooks and react-query.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Today } from '@/lib/stats/schemas';
import { useTodayLive } from './use-today-live';

class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static made: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, Array<(m: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  addEventListener(name: string, fn: (m: MessageEvent<string>) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  send(name: string, data: unknown) {
    for (const fn of this.listeners.get(name) ?? []) fn(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
  fail() {
    this.readyState = FakeEventSource.CLOSED;
    this.onerror?.();
  }
}

const port = (slug: string) => ({ port: slug, name: slug, date: '2099-01-15', capacity: 10, booked: 5, arrived: 1, stillDue: 4, noShows: 0 }) as Today['ports'][number];
const initial = { at: '2099-01-15T18:00:00Z', ports: ['san-ysidro', 'nogales', 'laredo', 'el-paso'].map(port) } as Today;

let statsCalls: string[];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  FakeEventSource.made = [];
  statsCalls = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      statsCalls.push(url);
      return new Response(JSON.stringify(initial), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Mounted, with the mount's own refetch (server data is stale at once) done and forgotten. */
async function render() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const view = renderHook(() => useTodayLive(initial, [], { inBackground: true }), { wrapper });
  await act(async () => void (await vi.advanceTimersByTimeAsync(10)));
  statsCalls.length = 0;
  return view;
}

describe('useTodayLive with four ports in view', () => {
  it('opens one stream for all of them and does not poll while it is up; a change refetches once', async () => {
    await render();
    expect(FakeEventSource.made.map((s) => s.url)).toEqual(['/api/v1/events?port=san-ysidro&port=nogales&port=laredo&port=el-paso']);
    await act(async () => FakeEventSource.made[0]!.open());
    await act(async () => void (await vi.advanceTimersByTimeAsync(95_000)));
    expect(statsCalls).toEqual([]);
    await act(async () => FakeEventSource.made[0]!.send('change', { k: 'arrival', p: 'laredo', a: 'x', d: '2099-01-15' }));
    await act(async () => void (await vi.advanceTimersByTimeAsync(3_000)));
    expect(statsCalls).toEqual(['/api/v1/stats/today']);
  });

  it('polls every 30 s while the stream is down and stops once it is back', async () => {
    await render();
    const first = FakeEventSource.made[0]!;
    await act(async () => first.open());
    await act(async () => first.fail());
    await act(async () => void (await vi.advanceTimersByTimeAsync(500)));
    expect(statsCalls).toEqual([]);
    // The reopened stream (backoff 1 s) is refused too: the view falls back to polling.
    await act(async () => void (await vi.advanceTimersByTimeAsync(1_000)));
    expect(FakeEventSource.made).toHaveLength(2);
    await act(async () => FakeEventSource.made[1]!.fail());
    await act(async () => void (await vi.advanceTimersByTimeAsync(31_000)));
    expect(statsCalls.length).toBeGreaterThanOrEqual(1);
    const latest = FakeEventSource.made.at(-1)!;
    await act(async () => latest.open());
    const polled = statsCalls.length;
    await act(async () => void (await vi.advanceTimersByTimeAsync(95_000)));
    // Back up: one refetch for what may have been missed (resync on reopening), no polling.
    expect(statsCalls.length).toBeLessThanOrEqual(polled + 1);
  });
});
