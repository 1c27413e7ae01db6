/**
 * Runs last in the app project (files run in name order): greps everything the app server logged
 * during the run (scripts/e2e-server.mjs copies it to .e2e-runtime/<port>.log) for the demo people's
 * names and the accounts' emails. Logs must name things by id only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from './helpers';

const PORT = Number(process.env.E2E_PORT ?? 3100);

test('the server log of the run carries no demo person\u2019s name and no account email', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  const users = (await (await page.request.get('/api/v1/admin/users')).json()) as { users: Array<{ email: string; name: string }> };
  const ports = (await (await page.request.get('/api/v1/ports')).json()) as { ports: Array<{ slug: string }> };
  const people = new Set<string>();
  for (const { slug } of ports.ports.slice(0, 6)) {
    const roster = (await (await page.request.get(`/api/v1/ports/${slug}/roster`)).json()) as { appointments?: Array<{ familyName: string; givenName: string }> };
    for (const a of roster.appointments ?? []) people.add(`${a.givenName} ${a.familyName}`).add(a.familyName);
  }
  const secrets = [...users.users.flatMap((u) => [u.email, u.name]), ...people].filter((s) => s.length >= 5);
  expect(secrets.length).toBeGreaterThan(10);

  const log = readFileSync(path.join(process.cwd(), '.e2e-runtime', `${PORT}.log`), 'utf8');
  const found = secrets.filter((s) => log.includes(s));
  console.info(`[figures] server log ${log.length} characters, ${log.split('\n').length} lines, searched for ${secrets.length} names and emails, found ${found.length}`);
  expect(found).toEqual([]);
});
