import { json } from '@/lib/api/respond';
import { apiRoute } from '@/lib/api/route';
import { revealDocumentNumber } from '@/lib/appointments/reveal-document';
import { requireApiActor } from '@/lib/auth/current';
import { parseParams, IdParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

/** POST, not GET: revealing the number writes an audit event. */
export const POST = apiRoute<{ id: string }>(async ({ params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(IdParams, params, locale);
  return json(await revealDocumentNumber(actor, p.id));
});
