import { z } from 'zod';
import { ERROR_STATUS } from '@/lib/errors';

const count = z.number().int();

/**
 * The one error body (docs/api.md, Conventions). Besides code and message, an error may carry machine-readable
 * detail; each extra is declared here so integrators (and the contract test) know them all.
 */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().describe('Validation only: the message per field path'),
      detail: z.string().optional().describe('The English message, when message is in another language'),
      appointment: z.record(z.string(), z.unknown()).optional().describe('409/412 on an appointment: the record as it is now'),
      rows: z
        .array(z.object({ row: count, column: z.string().nullable(), message: z.string(), rule: z.string().optional().describe('The booking rule the row breaks') }))
        .optional()
        .describe('Roster import: each problem by row and column (at most 1000)'),
      totalProblems: count.optional(),
      uses: count.optional().describe('IN_USE: how many records use the outcome code'),
      reason: z.string().optional(),
      date: z.string().optional(),
      limit: count.optional(),
      booked: count.optional(),
      total: count.optional(),
      cap: count.optional(),
    }),
  })
  .meta({
    id: 'Error',
    example: { error: { code: 'CAPACITY_FULL', message: 'No slot is left at san-ysidro on 2026-11-25.' } },
  });

export const HealthSchema = z.object({
  status: z.literal('ok'),
  databasePrivileges: z
    .enum(['least', 'owner', 'superuser', 'unknown'])
    .optional()
    .describe('What the last database open found: "least" for a portroster_app member; "owner" or "superuser" could rewrite the audit trail'),
});
