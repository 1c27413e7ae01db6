import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readUpload } from '@/lib/intake/read-upload';
import { authenticateIntakeKey, hasBearer } from '@/lib/intake-keys/authenticate';
import { requireApiActor } from '@/lib/auth/current';
import { assertMayImport, importRoster, type Importer } from '@/lib/intake/import-roster';
import { enforceRateLimitFor } from '@/lib/intake/rate-limit-route';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async ({ request }) => {
  let importer: Importer;
  if (hasBearer(request)) {
    const key = await authenticateIntakeKey(request);
    await enforceRateLimitFor(key);
    importer = { kind: 'key', keyId: key.keyId, name: key.name };
  } else {
    importer = { kind: 'user', actor: await requireApiActor({ activity: true }) };
  }
  assertMayImport(importer);
  return json(await importRoster(importer, await readUpload(request)));
});
