import { headers } from 'next/headers';
import { apiReferencePage } from '@/lib/api/reference-page';

export const dynamic = 'force-dynamic';

// The readable API reference (Scalar), rendered from /api/v1/openapi.json with no outside request.
export async function GET() {
  return apiReferencePage((await headers()).get('x-nonce') ?? undefined);
}
