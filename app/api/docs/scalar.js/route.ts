import { readScalarBundle } from '@/lib/api/reference-page';

export const dynamic = 'force-static';

// Scalar's browser bundle served by the app itself, so the reference works offline (no CDN).
export async function GET() {
  return new Response(await readScalarBundle(), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}
