import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, signIn } from './helpers';

// The live event stream's refusals (GET /api/v1/ports/{slug}/events). The push itself across two
// instances is in scale-out.spec.ts. A stream never ends, so it is read with fetch and aborted.
const SSE = { Accept: 'text/event-stream' };

async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Opens a stream with fetch; the first chunk is read (when it is one), then the caller aborts. */
async function openStream(baseURL: string, path: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const response = await fetch(new URL(path, baseURL), { headers, signal: abort.signal });
  let first = '';
  if (response.ok && response.body) {
    const { value } = await response.body.getReader().read();
    first = new TextDecoder().decode(value);
  }
  return { response, first, close: () => abort.abort() };
}

function expectErrorShape(body: unknown, code: string) {
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
}

test('the event stream: 401 without a session, 404 for another port or an unknown one, in the error shape', async ({ page, request, baseURL }) => {
  const none = await request.get('/api/v1/ports/san-ysidro/events', { headers: SSE });
  expect(none.status()).toBe(401);
  expectErrorShape(await none.json(), 'UNAUTHENTICATED');

  await signIn(page, ACCOUNTS.officer);
  const cookie = await cookieOf(page);
  for (const slug of ['nogales', 'no-such-port']) {
    const other = await page.request.get(`/api/v1/ports/${slug}/events`, { headers: SSE });
    expect(other.status(), slug).toBe(404);
    expectErrorShape(await other.json(), 'NOT_FOUND');
  }
  const own = await openStream(baseURL!, '/api/v1/ports/san-ysidro/events', { ...SSE, Cookie: cookie });
  expect(own.response.status).toBe(200);
  expect(own.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  expect(own.first).toMatch(/^retry: \d+\nid: [0-9a-f]{8}-\d+\nevent: ready\n/);
  own.close();
});

test('the event stream: a forged Last-Event-ID is a 400 in the error shape, a well-formed one resyncs, a fifth stream is 429', async ({ page, baseURL }) => {
  await signIn(page, ACCOUNTS.officer);
  const cookie = await cookieOf(page);
  const path = '/api/v1/ports/san-ysidro/events';
  for (const forged of ['1', 'not-ours', 'deadbeef-1 OR 1=1', '%00', 'x'.repeat(4000), 'deadbeef-99999999999999999']) {
    const r = await page.request.get(path, { headers: { ...SSE, 'Last-Event-ID': forged } });
    expect(r.status(), forged.slice(0, 30)).toBe(400);
    expectErrorShape(await r.json(), 'VALIDATION');
  }
  // Without Accept: text/event-stream the endless body is not sent.
  const plain = await page.request.get(path);
  expect(plain.status()).toBe(400);
  expectErrorShape(await plain.json(), 'VALIDATION');

  const again = await openStream(baseURL!, path, { ...SSE, Cookie: cookie, 'Last-Event-ID': 'deadbeef-7' });
  expect(again.response.status).toBe(200);
  expect(again.first).toContain('event: resync');
  again.close();

  // The signed-in page held a stream of its own; once it is gone, the session has 4 and no more.
  await page.goto('about:blank');
  let refusal: unknown = null;
  await expect
    .poll(
      async () => {
        const statuses: number[] = [];
        const open = [];
        for (let i = 0; i < 5; i++) {
          const s = await openStream(baseURL!, path, { ...SSE, Cookie: cookie });
          statuses.push(s.response.status);
          if (s.response.status === 429) {
            expect(s.response.headers.get('retry-after')).toBeTruthy();
            refusal = await s.response.json();
          }
          open.push(s);
        }
        for (const s of open) s.close();
        return statuses.join(',');
      },
      { timeout: 15_000 },
    )
    .toBe('200,200,200,200,429');
  expectErrorShape(refusal, 'RATE_LIMITED');
});
