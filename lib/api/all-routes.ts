/** Importing every domain's route specs here makes them part of the OpenAPI document. */
export { buildOpenApiDocument } from './openapi';
import '@/lib/intake/api-spec';
