/** Importing every domain's route specs here makes them part of the OpenAPI document. */
import '@/lib/roster/api-spec';

export { buildOpenApiDocument } from './openapi';
import '@/lib/outcomes/api-spec';
import '@/lib/audit/api-spec';
import '@/lib/admin/api-spec';
import '@/lib/stats/api-spec';
import '@/lib/intake/api-spec';
import '@/lib/live/api-spec';
