/**
 * An outcome recorded while the network is down is kept on the device, survives a reload, and is
 * recorded once when the network is back, even when a delivery reached the server but its answer
 * was lost (the idempotency key): shown on the record page, counted in the banner, one audit event.
 */
import { expect, test } from '@playwright/test';
import { checkedInAppointment } from './fixtures/checked-in';
import { ACCOUNTS, expectAccessible, signIn } from './helpers';

test('an outcome recorded offline survives a reload and is recorded once when the network is back', async ({ page, context }) => {
  await signIn(page, ACCOUNTS.officer);
  const id = await checkedInAppointment(page.request);
  const { appointment } = (await (await page.request.get(`/api/v1/appointments/${id}`)).json()) as { appointment: { familyName: string; givenName: string } };
  const name = `${appointment.familyName}, ${appointment.givenName}`;
  await page.goto(`/appointments/${id}`);
  const form = page.getByRole('form', { name: 'Record the outcome' });
  await form.getByLabel('Outcome').selectOption('nta_parole');
  const interpreter = form.getByLabel('An interpreter was used');
  if (await interpreter.isChecked()) await interpreter.uncheck();

  await context.setOffline(true);
  await form.getByRole('button', { name: 'Record outcome' }).click();
  await expect(page.getByTestId('pending-actions')).toHaveText('1 action waiting for the network');
  await expect(page.getByTestId('outcome-pending')).toContainText('Pending, not yet on the server: the outcome “Notice to Appear, paroled');
  await expect(form.getByRole('button', { name: 'Record outcome' })).toBeDisabled();

  // Signing out now warns first, counting the outcome; dismissing keeps the officer here.
  let warned = '';
  page.once('dialog', (d) => {
    warned = d.message();
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => warned).toContain('1 action has not reached the server yet');

  // The network comes back for pages but the outcome's answers are lost: each delivery reaches the
  // server, the page hears nothing. The reload reads the queue from IndexedDB and replays at start.
  let delivered = 0;
  await page.route('**/api/v1/appointments/*/outcome', async (route) => {
    delivered += 1;
    await route.fetch();
    await route.abort('internetdisconnected');
  });
  await context.setOffline(false);
  await page.reload();
  await expect.poll(() => delivered).toBeGreaterThan(0);
  await expect(page.getByTestId('pending-actions')).toHaveText('1 action waiting for the network');
  await expect(page.getByTestId('outcome-pending')).toBeVisible();
  await expectAccessible(page);

  // Answers get through again: the next replay is given the stored answer of the first delivery.
  await page.unroute('**/api/v1/appointments/*/outcome');
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(page.getByTestId('pending-actions')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('replay-results')).toHaveText(`${name}: Sent from this device: outcome recorded for ${name}.`);
  await expect(page.getByRole('heading', { name: 'Record the outcome' })).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toContainText('Outcome recorded');

  const detail = (await (await page.request.get(`/api/v1/appointments/${id}`)).json()) as {
    appointment: { status: string; outcome: { code: string } | null };
    history: Array<{ action: string }>;
  };
  expect(detail.appointment).toMatchObject({ status: 'processed', outcome: { code: 'nta_parole' } });
  expect(detail.history.filter((h) => h.action === 'appointment.outcome_recorded')).toHaveLength(1);
  await expectAccessible(page);
});
