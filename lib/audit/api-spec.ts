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
