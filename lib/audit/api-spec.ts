import { z } from 'zod';
import { registerRoutes } from '@/lib/api/openapi';
import { AuditListSchema } from './schemas';

registerRoutes({
  method: 'get',
  path: '/api/v1/admin/audit',
  summary: 'Audit events, newest first, filtered by port, actor, action and date range (supervisor, admin); format=csv downloads every match',
  tag: 'audit',
  auth: 'session',
  query: z.object({
    port: z.string().optional(),
    actor: z.string().optional(),
    action: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    before: z.number().int().optional(),
    limit: z.number().int().optional(),
    format: z.enum(['json', 'csv']).optional(),
  }),
  success: { status: 200, schema: AuditListSchema },
  errors: [400, 401, 403, 404],
});

registerRoutes({
  method: 'get',
  path: '/api/v1/admin/audit/checkpoint',
  summary: 'A signed checkpoint of every audit chain (head id, head hash, count), to keep off the machine and check with `npm run audit:verify -- --checkpoint FILE` (supervisor, admin)',
  tag: 'audit',
  auth: 'session',
  success: { status: 200, schema: z.object({ format: z.string(), installationId: z.string(), takenAt: z.string(), keyId: z.string(), maxEventId: z.number().int(), events: z.number().int(), chains: z.array(z.object({ portId: z.number().int().nullable(), chain: z.number().int(), headId: z.number().int(), headHash: z.string(), events: z.number().int() })), signature: z.string() }) },
  errors: [401, 403],
});
