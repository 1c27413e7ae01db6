/** The kiosk opens at "now": a now-line, and the finished rows above it folded behind one button. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/ui/I18nProvider';
import { en } from '@/lib/i18n/messages/en';
import { createTranslator } from '@/lib/i18n/translate';
import { appointment } from './fixtures';
import { RosterTable, type RosterTableProps } from './RosterTable';

afterEach(cleanup);
const t = createTranslator(en);
const Wrapper = ({ children }: { children: ReactNode }) => (
  <I18nProvider locale="en" messages={en}>
    {children}
  </I18nProvider>
);

const at = (hhmm: string) => `2099-01-15T${hhmm}:00Z`;
const row = (n: number, hhmm: string, status: 'scheduled' | 'processed' | 'no_show' | 'late') =>
  appointment({ id: `00000000-0000-4000-8000-00000000000${n}`, familyName: `Family${'_abcdef'[n]}`, scheduledAt: at(hhmm), deadline: at(hhmm).replace(/:00Z$/, ':15Z'), status, noShowRecorded: status === 'no_show' });
const rows = [row(1, '08:00', 'processed'), row(2, '08:30', 'no_show'), row(3, '09:00', 'scheduled'), row(4, '09:30', 'late'), row(5, '10:00', 'scheduled'), row(6, '10:30', 'scheduled')];

function props(over: Partial<RosterTableProps> = {}): RosterTableProps {
  return {
    caption: 'Roster', rows, timeZone: 'UTC', now: new Date(at('09:46')), editable: true, nextDueIds: new Set(), selectedId: null, hintFor: () => undefined,
    pendingId: null, results: {}, askMembersFor: null, onPrimary: vi.fn(), onConfirmMembers: vi.fn(), onCancelMembers: vi.fn(), onNoShow: vi.fn(), onUndo: vi.fn(), nowLine: true,
    ...over,
  };
}
const names = () => screen.queryAllByText(/^Family[a-h], María$/).map((e) => e.textContent);

describe('RosterTable at now', () => {
  it('draws the now-line before the first row due from now and folds the finished rows above it', () => {
    render(<RosterTable {...props()} />, { wrapper: Wrapper });
    expect(screen.getByTestId('now-line').textContent).toBe(t('kiosk.nowLine', { time: '09:46' }));
    // Family c is scheduled and past (late check-in or no-show still possible): it stays in view.
    expect(names()).toEqual(['Familyc, María', 'Familye, María', 'Familyf, María']);
    const toggle = screen.getByRole('button', { name: t('kiosk.showEarlier', { count: 3 }) });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(names()).toHaveLength(6);
    expect(screen.getByRole('button', { name: t('kiosk.hideEarlier', { count: 3 }) }).getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps a row just acted on in view (its undo is still open) and the selected row', () => {
    render(<RosterTable {...props({ results: { [rows[3]!.id]: { text: 'Late', tone: 'warn' } }, selectedId: rows[0]!.id })} />, { wrapper: Wrapper });
    expect(names()).toEqual(['Familya, María', 'Familyc, María', 'Familyd, María', 'Familye, María', 'Familyf, María']);
    expect(within(screen.getByRole('table')).getByRole('button', { name: t('kiosk.showEarlier', { count: 1 }) })).toBeTruthy();
  });

  it('with a search or on another day (nowLine off) shows every row and no line', () => {
    render(<RosterTable {...props({ nowLine: false })} />, { wrapper: Wrapper });
    expect(screen.queryByTestId('now-line')).toBeNull();
    expect(names()).toHaveLength(6);
  });
});
