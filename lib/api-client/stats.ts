/** The dashboard's live figures. */
import type { Today } from '@/lib/stats/schemas';
import { apiFetch } from './fetch';

export function fetchToday(ports: readonly string[]): Promise<Today> {
  const qs = new URLSearchParams(ports.map((p) => ['port', p]));
  return apiFetch<Today>(`/api/v1/stats/today${ports.length ? `?${qs}` : ''}`);
}
