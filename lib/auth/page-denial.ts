/**
 * Audit for refused page requests: a redirect to sign-in (no or ended session), a redirect home
 * (role lacks the page's action), and the 404 a page answers for another port's resource.
 * The layout and the page both check the session, so one request records at most one denial.
 */
import { cache } from 'react';
import { headers } from 'next/headers';
import { recordAccessDenial } from '@/lib/audit/access-denial';
import { isAccessDenied, type Denial } from './access-denied';
import { clientAddress } from './client-address';

const deniedThisRequest = cache(() => ({ recorded: false }));

export async function recordPageDenial(denial: Denial, outcome: { status: number; code: string }): Promise<void> {
  const once = deniedThisRequest();
  if (once.recorded) return;
  once.recorded = true;
  const h = await headers();
  const path = (h.get('x-pathname') ?? '/').split('?')[0] || '/';
  await recordAccessDenial(denial, { method: 'GET', path, status: outcome.status, code: outcome.code, requestId: h.get('x-request-id'), address: clientAddress(h) });
}

/** For a page that turns NOT_FOUND into its 404: another port's resource is a denial, a missing one is not. */
export async function auditIfDenied(error: unknown): Promise<void> {
  if (isAccessDenied(error)) await recordPageDenial(error.denial, { status: error.status, code: error.code });
}
