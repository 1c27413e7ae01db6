/**
 * The idle sign-out with actions waiting in the offline queue: the warning says how many, they are
 * sent first when the network is there, the sign-out still happens, and what could not be sent stays
 * on the device for this officer (a 401 from a session the server already ended keeps it too).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueue, pendingActions, resetQueueConnection } from '@/lib/api-client/offline-queue';
import { en } from '@/lib/i18n/messages/en';
import { IdleGuard } from './IdleGuard';

const labels = { ...en.idle };
const setOnline = (value: boolean) => Object.defineProperty(navigator, 'onLine', { value, configurable: true });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetQueueConnection();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setOnline(true);
});

const keep = (i: number, userId = 'officer-1') =>
  enqueue({ key: `k${i}`, userId, appointmentId: `appt-${i}`, action: 'check-in', body: { idempotencyKey: `k${i}` }, tappedAt: i, clockOffsetMs: 0, name: `Person ${i}` });

/** The sign-out is the hidden form's submit: its reason field says idle. */
function guard() {
  const submitted = vi.fn();
  const view = render(<IdleGuard idleMs={2_500} warnMs={2_000} userId="officer-1" signOutAction={async () => {}} labels={labels} />);
  view.container.querySelector('form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    submitted(new FormData(e.currentTarget as HTMLFormElement).get('reason'));
  });
  return submitted;
}

describe('idle sign-out with actions waiting', () => {
  it('offline: warns with the count, signs out anyway, and keeps the queue for this officer', async () => {
    setOnline(false);
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await keep(1);
    await keep(2);
    await keep(3, 'officer-2');
    const submitted = guard();
    await waitFor(() => expect(screen.getByTestId('idle-pending').textContent).toBe('2 actions have not reached the server yet. They stay on this device and are sent when you sign in here again.'), { timeout: 3_000 });
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    await waitFor(() => expect(submitted).toHaveBeenCalledWith('idle'), { timeout: 4_000 });
    expect(fetch).not.toHaveBeenCalled();
    expect((await pendingActions('officer-1')).map((q) => q.key)).toEqual(['k1', 'k2']);
    expect((await pendingActions('officer-2')).map((q) => q.key)).toEqual(['k3']);
  });

  it('online: sends them before signing out; one refused by an ended session (401) stays for the next sign-in', async () => {
    setOnline(true);
    const sent: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if (url.includes('keepalive')) return new Response('{}', { status: 200 });
        const key = (JSON.parse(String(init.body)) as { idempotencyKey: string }).idempotencyKey;
        sent.push(key);
        if (key === 'k2') return new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Signed out' } }), { status: 401 });
        return new Response(JSON.stringify({ appointment: { id: 'appt-1' } }), { status: 200 });
      }),
    );
    await keep(1);
    await keep(2);
    const submitted = guard();
    await waitFor(() => expect(sent).toEqual(['k1', 'k2']), { timeout: 3_000 });
    await waitFor(() => expect(screen.getByTestId('idle-pending').textContent).toBe('1 action has not reached the server yet. It stays on this device and is sent when you sign in here again.'));
    await waitFor(() => expect(submitted).toHaveBeenCalledWith('idle'), { timeout: 4_000 });
    expect((await pendingActions('officer-1')).map((q) => q.key)).toEqual(['k2']);
  });

  it('with nothing waiting the warning says nothing about the queue', async () => {
    const submitted = guard();
    await waitFor(() => expect(screen.getByRole('alertdialog')).toBeTruthy(), { timeout: 3_000 });
    expect(screen.queryByTestId('idle-pending')).toBeNull();
    await waitFor(() => expect(submitted).toHaveBeenCalledWith('idle'), { timeout: 4_000 });
  });
});
