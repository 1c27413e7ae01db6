/**
 * An outcome that cannot reach the server is kept in the device's offline queue (the kiosk's, same
 * idempotency key semantics), shown as pending on the record page and counted in the banner, and
 * replayed when the network is back with its answer shown; signing out with it pending warns.
 * A fake IndexedDB and a stubbed fetch (the browser's edges), the real queue and components.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/ui/I18nProvider';
import { SignOutForm } from '@/components/layout/SignOutForm';
import { enqueue, pendingActions, resetQueueConnection } from '@/lib/api-client/offline-queue';
import { en } from '@/lib/i18n/messages/en';
import { appointment } from '@/components/roster/kiosk/fixtures';
import { OutcomeForm } from './OutcomeForm';
import { RecordQueue } from './RecordQueue';

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetQueueConnection();
  refresh.mockReset();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ID = '22222222-2222-4222-8222-222222222222';
const NAME = 'García López, María';
const codes = [{ code: 'approved', requiresNote: false, label: 'Approved — Aprobado' }];

type Answer = { status: number; body: unknown } | 'offline';
/** The network: each POST gets the next answer; bodies are recorded. */
function network(answers: Answer[]) {
  const posted: Array<{ url: string; body: Record<string, unknown> }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      posted.push({ url, body: JSON.parse(String(init.body)) as Record<string, unknown> });
      const answer = answers.shift() ?? 'offline';
      if (answer === 'offline') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return posted;
}

function renderRecord() {
  return render(
    <I18nProvider locale="en" messages={en}>
      <RecordQueue userId="officer-1" timeZone="America/Tijuana">
        <OutcomeForm
          appointmentId={ID}
          personName={NAME}
          timeZone="America/Tijuana"
          version={2}
          codes={codes}
          m={en.outcomes}
          statusLabels={{}}
          outcomeLabels={{}}
          suggestedLanguage={null}
        />
      </RecordQueue>
    </I18nProvider>,
  );
}

async function submitApproved() {
  fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'approved' } });
  // The suggested interpreter is off (suggestedLanguage null), so the code is all the form needs.
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Record outcome' }));
  });
}

const processed = (by: string) => appointment({ id: ID, status: 'processed', version: 3, outcome: { code: 'approved', notes: null, interpreterLanguage: null, recordedAt: '2099-01-15T18:05:00Z', recordedBy: by } });

describe('an outcome without a network', () => {
  it('is kept with its idempotency key, shown as pending and counted, and replayed once when the network is back', async () => {
    const posted = network(['offline', { status: 200, body: { appointment: processed('Olga Officer') } }]);
    renderRecord();
    await submitApproved();
    await waitFor(() => expect(screen.getByTestId('pending-actions').textContent).toBe('1 action waiting for the network'));
    const [kept] = await pendingActions('officer-1');
    expect(kept).toMatchObject({ action: 'outcome', appointmentId: ID, name: NAME, body: { code: 'approved', expectedVersion: 2, idempotencyKey: kept!.key } });
    expect(posted[0]!.body.idempotencyKey).toBe(kept!.key);
    expect(screen.getByTestId('outcome-pending').textContent).toMatch(/^Pending, not yet on the server: the outcome “Approved — Aprobado” is kept on this device since \d{2}:\d{2}/);
    expect(screen.getByRole('button', { name: 'Record outcome' })).toHaveProperty('disabled', true);
    expect(screen.getByText(`Not yet on the server: outcome for ${NAME} kept on this device. It is sent when the connection is back.`)).toBeTruthy();

    await act(async () => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(screen.queryByTestId('pending-actions')).toBeNull());
    // The same path, body and key as the first attempt: the server acts once whichever delivery arrives.
    expect(posted).toHaveLength(2);
    expect(posted[1]).toEqual({ url: `/api/v1/appointments/${ID}/outcome`, body: posted[0]!.body });
    expect(screen.getByTestId('replay-results').textContent).toBe(`${NAME}: Sent from this device: outcome recorded for ${NAME}.`);
    expect(refresh).toHaveBeenCalled();
    expect(await pendingActions('officer-1')).toEqual([]);
  });

  it('a 503 is kept too; a replay that finds the record processed by someone else says who, and a refusal says the server’s reason', async () => {
    network([{ status: 503, body: { error: { code: 'UNAVAILABLE', message: 'Database unavailable' } } }]);
    renderRecord();
    await submitApproved();
    await waitFor(() => expect(screen.getByTestId('pending-actions')).toBeTruthy());
    // Another record's outcome, kept earlier on this device, waits in front of it (tap order).
    await enqueue({ key: 'other-key', userId: 'officer-1', appointmentId: '33333333-3333-4333-8333-333333333333', action: 'outcome', body: { code: 'nope', idempotencyKey: 'other-key' }, tappedAt: 1, clockOffsetMs: null, name: 'Pérez, Juan' });
    network([
      { status: 400, body: { error: { code: 'VALIDATION', message: 'Unknown outcome code.', fields: { code: 'unknown' } } } },
      { status: 409, body: { error: { code: 'CONFLICT', message: 'Only a checked-in appointment can take an outcome.', appointment: processed('Sam Supervisor') } } },
    ]);
    await act(async () => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(screen.queryByTestId('pending-actions')).toBeNull());
    const items = [...screen.getByTestId('replay-results').querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Pérez, Juan: Not recorded: the server refused it: Unknown outcome code.',
      expect.stringMatching(new RegExp(`^${NAME}: Outcome already recorded by Sam Supervisor at \\d{2}:\\d{2}; the one kept on this device was not saved\\.$`)),
    ]);
  });

  it('counts in the sign-out warning', async () => {
    await enqueue({ key: 'k', userId: 'officer-1', appointmentId: ID, action: 'outcome', body: { code: 'approved', idempotencyKey: 'k' }, tappedAt: 1, clockOffsetMs: null, name: NAME });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    render(<SignOutForm action={async () => {}} userId="officer-1" labels={{ signOut: 'Sign out', warnOne: en.offline.signOutWarnOne, warnOther: en.offline.signOutWarnOther }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^1 action has not reached the server yet/)));
  });
});
