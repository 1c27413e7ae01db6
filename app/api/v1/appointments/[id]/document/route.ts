import { json } from '@/lib/api/respond';
import { apiRoute } from '@/lib/api/route';
import { revealDocumentNumber } from '@/lib/appointments/reveal-document';
import { requireApiActor } from '@/lib/auth/current';

export const dynamic = 'force-dynamic';

/** POST, not GET: revealing the number writes an audit event. */
export const POST = apiRoute<{ id: string }>(async ({ params }) => {
  const actor = await requireApiActor({ activity: true });
  return json(await revealDocumentNumber(actor, params.id));
});
