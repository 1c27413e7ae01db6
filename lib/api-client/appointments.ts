/** Operations on one appointment record (outcome, correction, document, flag review, session). */
import type { CorrectionInput, RecordOutcomeInput } from '@/lib/outcomes/schemas';
import { apiFetch } from './fetch';

const base = (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}`;

export const recordOutcome = (id: string, body: RecordOutcomeInput) => apiFetch<{ appointment: unknown }>(`${base(id)}/outcome`, { method: 'POST', body });

export const correctAppointment = (id: string, body: CorrectionInput) => apiFetch<{ appointment: unknown }>(`${base(id)}/corrections`, { method: 'POST', body });

export const revealDocument = (id: string) => apiFetch<{ documentNumber: string | null }>(`${base(id)}/document`, { method: 'POST' });

export const reviewFlag = (flagId: string, body: { decision: 'confirmed' | 'dismissed'; reason: string }) =>
  apiFetch<{ flag: { id: string; status: string } }>(`/api/v1/flags/${encodeURIComponent(flagId)}/review`, { method: 'POST', body });

/** "Stay signed in": counts as activity for the server's idle limit. */
export const keepalive = () => apiFetch<{ status: 'ok' }>('/api/v1/session/keepalive', { method: 'POST' });
