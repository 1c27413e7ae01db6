import { buildOpenApiDocument } from '@/lib/api/all-routes';

export const dynamic = 'force-static';

export function GET() {
  return Response.json(buildOpenApiDocument());
}
