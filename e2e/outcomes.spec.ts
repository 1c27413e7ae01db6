import { expect, test, type Page } from '@playwright/test';
import { checkedInAppointment } from './fixtures/checked-in';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

async function version(page: Page, id: string): Promise<number> {
  const body = await (await page.request.get(`/api/v1/appointments/${id}`)).json();
  return body.appointment.version as number;
}

test('an officer records an outcome; "Other" without notes is refused next to the field', async ({ page }) => {
  await signIn(page, ACCOUNTS.officer);
  const id = await checkedInAppointment(page.request);
  await page.goto(`/appointments/${id}`);
  await expect(page.getByRole('heading', { name: 'Record the outcome' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Correct this record' })).toHaveCount(0);
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Record the outcome' });
  await form.getByLabel('Outcome').selectOption('other');
  await form.getByRole('button', { name: 'Record outcome' }).click();
  const notes = form.getByLabel('Notes');
  await expect(notes).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('#outcome-notes-error')).toHaveText('Write a note: this outcome requires one.');
  await expectAccessible(page);

  // The server refuses it too, with the field named.
  const refused = await page.request.post(`/api/v1/appointments/${id}/outcome`, { headers: origin(page), data: { code: 'other' } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.fields).toHaveProperty('notes');

  await notes.fill('Referred to the medical unit.\nInterview finished after treatment.');
  const interpreter = form.getByLabel('An interpreter was used');
  if (!(await interpreter.isChecked())) await interpreter.check();
  await form.getByLabel('Language interpreted').fill('ht');
  await form.getByRole('button', { name: 'Record outcome' }).click();

  await expect(page.getByText('Processed').first()).toBeVisible();
  await expect(page.getByTestId('outcome-notes')).toHaveText('Referred to the medical unit.\nInterview finished after treatment.');
  await expect(page.getByTestId('timeline')).toContainText('Outcome recorded');
  await expect(page.getByRole('heading', { name: 'Record the outcome' })).toHaveCount(0);
  const detail = await (await page.request.get(`/api/v1/appointments/${id}`)).json();
  expect(detail.appointment).toMatchObject({ status: 'processed', outcome: { code: 'other', interpreterLanguage: 'ht' } });
  expect(detail.history[0]).toMatchObject({ action: 'appointment.outcome_recorded', actor: expect.any(String) });
});

test('a second submit on a changed record shows the current values, never overwrites', async ({ page }) => {
  await signIn(page, ACCOUNTS.officer);
  const id = await checkedInAppointment(page.request);
  await page.goto(`/appointments/${id}`);
  // Someone else records first, behind this page's back.
  const first = await page.request.post(`/api/v1/appointments/${id}/outcome`, { headers: origin(page), data: { code: 'nta_parole', expectedVersion: await version(page, id) } });
  expect(first.status()).toBe(200);
  const form = page.getByRole('form', { name: 'Record the outcome' });
  await form.getByLabel('Outcome').selectOption('ice_custody');
  await form.getByRole('button', { name: 'Record outcome' }).click();
  await expect(page.getByText('Someone else changed this record first')).toBeVisible();
  await expect(page.getByText(/status Processed, outcome Notice to Appear, paroled/)).toBeVisible();
  const detail = await (await page.request.get(`/api/v1/appointments/${id}`)).json();
  expect(detail.appointment.outcome.code).toBe('nta_parole');
});

test('an officer has no correction control, the API refuses a correction, and another port’s officer gets 404', async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.officer);
  const id = await checkedInAppointment(page.request);
  await page.goto(`/appointments/${id}`);
  await expect(page.getByRole('heading', { name: 'Correct this record' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reveal' })).toHaveCount(0);
  const response = await page.request.post(`/api/v1/appointments/${id}/corrections`, {
    headers: origin(page),
    data: { status: 'late', reason: 'trying', expectedVersion: await version(page, id) },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe('FORBIDDEN');
  expect((await page.request.get('/api/v1/admin/audit')).status()).toBe(403);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, ACCOUNTS.officerNogales);
  const hidden = await other.request.get(`/api/v1/appointments/${id}`);
  expect(hidden.status()).toBe(404);
  expect((await hidden.json()).error.code).toBe('NOT_FOUND');
  await otherContext.close();
});

test('a supervisor corrects an outcome with a reason; the timeline shows both; the reveal is audited', async ({ page, browser }) => {
  // The officer records an outcome (through the API) on an appointment prepared for this test.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signIn(officer, ACCOUNTS.officer);
  // Unique per attempt (one person may hold one appointment a day), always ending in 4321.
  const documentNumber = `HT${String(Date.now() % 1000).padStart(3, '0')}4321`;
  const id = await checkedInAppointment(officer.request, { documentNumber });
  const recorded = await officer.request.post(`/api/v1/appointments/${id}/outcome`, { headers: origin(officer), data: { code: 'nta_release' } });
  expect(recorded.status()).toBe(200);
  await officerContext.close();

  await signIn(page, ACCOUNTS.supervisor);
  await page.goto(`/appointments/${id}`);
  await expect(page.getByTestId('document-number')).toHaveText('••••4321');
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Correct this record' });
  await form.getByLabel('Outcome').selectOption('nta_parole');
  await form.getByRole('button', { name: 'Save correction' }).click();
  await expect(form.locator('#correction-reason-error')).toHaveText('Give the reason for the correction.');
  await form.getByLabel('Reason for the correction').fill('Paper file shows parole was granted.');
  await form.getByRole('button', { name: 'Save correction' }).click();

  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('Corrected');
  await expect(timeline).toContainText('Reason: Paper file shows parole was granted.');
  await expect(timeline).toContainText('Outcome: Notice to Appear, released on recognizance → Notice to Appear, paroled');
  await expect(timeline).toContainText('Outcome recorded');
  await expect(timeline.locator('li').first()).toContainText('Corrected');

  await page.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.getByTestId('document-number')).toHaveText(documentNumber);
  const detail = await (await page.request.get(`/api/v1/appointments/${id}`)).json();
  expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['appointment.document_revealed', 'appointment.corrected', 'appointment.outcome_recorded', 'appointment.checked_in']);
  expect(detail.history[1]).toMatchObject({ reason: 'Paper file shows parole was granted.', before: { outcome: { code: 'nta_release' } }, after: { outcome: { code: 'nta_parole' } } });
});

test('the audit view filters by action, keeps the filters in the URL and exports neutralised CSV', async ({ page }) => {
  await signIn(page, ACCOUNTS.supervisor);
  const id = await checkedInAppointment(page.request);
  const reason = '=HYPERLINK("http://example.invalid")';
  const corrected = await page.request.post(`/api/v1/appointments/${id}/corrections`, {
    headers: origin(page),
    data: { status: 'late', reason, expectedVersion: await version(page, id) },
  });
  expect(corrected.status()).toBe(200);

  await page.goto('/audit');
  await expect(page.getByRole('link', { name: 'Audit trail' })).toHaveAttribute('aria-current', 'page');
  await page.getByLabel('Port').selectOption('san-ysidro');
  await page.getByLabel('Action').fill('appointment.corrected');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/port=san-ysidro/);
  await expect(page).toHaveURL(/action=appointment.corrected/);
  await expect(page.getByRole('cell', { name: reason })).toBeVisible();
  await expectAccessible(page);

  const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  const csv = await page.request.get(href!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);
  expect(text).not.toContain(',=HYPERLINK');
});
