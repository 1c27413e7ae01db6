import { expect, type APIRequestContext } from '@playwright/test';

export interface RosterRow {
  id: string;
  confirmationCode: string;
  familyName: string;
  givenName: string;
  partySize: number;
  status: string;
  scheduledAt: string;
  deadline: string;
  noShowRecorded: boolean;
}

export const DEMO_PORTS = ['san-ysidro', 'el-paso', 'calexico', 'nogales', 'hidalgo', 'brownsville', 'eagle-pass'] as const;

export async function roster(request: APIRequestContext, slug: string, date?: string): Promise<{ date: string; appointments: RosterRow[] }> {
  const response = await request.get(`/api/v1/ports/${slug}/roster${date ? `?date=${date}` : ''}`);
  expect(response.status()).toBe(200);
  return response.json();
}
