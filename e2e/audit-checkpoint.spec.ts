import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';

test('the audit page shows the checkpoint schedule and downloads a signed checkpoint', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto('/audit');
  const section = page.getByRole('region', { name: 'Checkpoints' });
  await expect(section).toContainText(/written automatically every 60 minutes/);
  await expect(section).toContainText(/Next due:/);
  await expectAccessible(page);

  const link = section.getByRole('link', { name: 'Download checkpoint' });
  await link.focus();
  await expect(link).toBeFocused();
  const download = await page.request.get((await link.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toMatch(/attachment; filename="audit-checkpoint-\d{8}T\d{6}Z\.json"/);
  const doc = await download.json();
  expect(doc).toMatchObject({ format: 'port-roster-audit-checkpoint/1', installationId: expect.any(String), keyId: expect.stringMatching(/^k[0-9a-f]{16}$/), signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(doc.events).toBeGreaterThan(0);
  expect(doc.chains.length).toBeGreaterThan(0);
});

test('officers may not download a checkpoint', async ({ page }) => {
  await signIn(page, ACCOUNTS.officer);
  const r = await page.request.get('/api/v1/admin/audit/checkpoint');
  expect(r.status()).toBe(403);
  expect((await r.json()).error.code).toBe('FORBIDDEN');
});
