import { json } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

// Liveness only: no database, no auth.
export function GET() {
  return json({ status: 'ok' });
}
