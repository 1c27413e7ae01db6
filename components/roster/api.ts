/** The kiosk's client data layer: one query-key factory and one function per operation. */
import type { Appointment, Roster } from '@/lib/roster/schemas';

export const rosterKeys = {
  all: ['roster'] as const,
  day: (slug: string, date: string) => ['roster', slug, date] as const,
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A network failure (no answer at all), as opposed to an answer with an error. */
export class OfflineError extends Error {}

/** The server answered 503 UNAVAILABLE: its database is restarting or overloaded; retrying is right. */
export function isUnavailable(error: unknown): boolean {
  return error instanceof ApiError && error.status === 503;
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { 'Content-Type': 'application/json', ...(init?.headers ?? {}) } });
  } catch {
    throw new OfflineError('offline');
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const error = (body.error ?? {}) as { code?: string; message?: string };
    throw new ApiError(response.status, error.code ?? 'INTERNAL', error.message ?? response.statusText, error as Record<string, unknown>);
  }
  return body as T;
}

export function fetchRoster(slug: string, date: string): Promise<Roster> {
  return request<Roster>(`/api/v1/ports/${encodeURIComponent(slug)}/roster?date=${date}`);
}

export type ArrivalAction = 'check-in' | 'no-show' | 'undo';

export function postArrival(id: string, action: ArrivalAction, body: Record<string, unknown> = {}): Promise<{ appointment: Appointment }> {
  return request(`/api/v1/appointments/${id}/${action}`, { method: 'POST', body: JSON.stringify(body) });
}

export interface CodeLocation {
  portSlug: string;
  portName: string;
  date: string;
  visible: boolean;
  appointmentId: string | null;
}

export async function lookupCode(code: string): Promise<CodeLocation | null> {
  try {
    return (await request<{ location: CodeLocation }>(`/api/v1/appointments/lookup?code=${encodeURIComponent(code)}`)).location;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
