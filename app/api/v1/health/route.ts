import { json } from '@/lib/api/respond';
import { runtimePrivileges } from '@/lib/audit/db-privileges';

export const dynamic = 'force-dynamic';

// Liveness only: no database, no auth. `databasePrivileges` is what the last database open found
// ("least" for a portroster_app member; "superuser"/"owner" could rewrite the audit trail).
export function GET() {
  const privileges = runtimePrivileges();
  return json({ status: 'ok', ...(privileges ? { databasePrivileges: privileges } : {}) });
}
