/** The kiosk's operations on the roster API. */
import type { Appointment, Roster } from '@/lib/roster/schemas';
import { ApiError } from './api-error';
import { apiFetch } from './fetch';

export function fetchRoster(slug: string, date: string): Promise<Roster> {
  return apiFetch<Roster>(`/api/v1/ports/${encodeURIComponent(slug)}/roster?date=${encodeURIComponent(date)}`);
}

export type ArrivalAction = 'check-in' | 'no-show' | 'undo';

export function postArrival(id: string, action: ArrivalAction, body: Record<string, unknown> = {}): Promise<{ appointment: Appointment }> {
  return apiFetch(`/api/v1/appointments/${encodeURIComponent(id)}/${action}`, { method: 'POST', body });
}

// The lookup route's answer: the server's own type (a type import crosses no layer at run time).
import type { CodeLocation } from '@/lib/roster/lookup';

export type { CodeLocation };

/** Where a confirmation code belongs, or null when no appointment has it. */
export async function lookupCode(code: string): Promise<CodeLocation | null> {
  try {
    return (await apiFetch<{ location: CodeLocation }>(`/api/v1/appointments/lookup?code=${encodeURIComponent(code)}`)).location;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
