import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from './helpers';

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

/**
 * Signs in as the officer of a port whose roster today has a row matching `pick`
 * (ports span several time zones, so one of them always has rows before and after now).
 * Rows are taken at random so tests in one run do not compete for the same person.
 */
export async function officerWithRow(page: Page, pick: (row: RosterRow, now: number) => boolean) {
  for (const slug of DEMO_PORTS) {
    await page.context().clearCookies();
    await signIn(page, `officer.${slug}@example.gov`);
    const { appointments } = await roster(page.request, slug);
    const candidates = appointments.filter((r) => pick(r, Date.now()));
    if (candidates.length > 0) {
      const row = candidates[Math.floor(Math.random() * candidates.length)]!;
      return { slug, row };
    }
  }
  throw new Error('no demo port has a matching row today');
}

export const upcoming = (minutesAhead: number, partySize?: (n: number) => boolean) => (r: RosterRow, now: number) =>
  r.status === 'scheduled' && Date.parse(r.deadline) > now + minutesAhead * 60_000 && (!partySize || partySize(r.partySize));
