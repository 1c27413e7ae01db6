import { z } from 'zod';

const Label = z.string().trim().min(2).max(120);

export const NewOutcomeCodeSchema = z
  .object({
    code: z.string().trim().min(2).max(40).regex(/^[a-z][a-z0-9_]*$/, 'lowercase letters, digits and underscores, starting with a letter'),
    labelEn: Label,
    labelEs: Label,
    requiresNote: z.boolean().default(false),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .meta({ id: 'NewOutcomeCode' });

export const OutcomeCodeChangeSchema = z
  .object({ labelEn: Label, labelEs: Label, requiresNote: z.boolean(), active: z.boolean(), sortOrder: z.number().int().min(0).max(10_000) })
  .partial()
  .strict()
  .meta({ id: 'OutcomeCodeChange' });

export const AdminOutcomeCodeSchema = z
  .object({
    code: z.string(),
    labelEn: z.string(),
    labelEs: z.string(),
    requiresNote: z.boolean(),
    active: z.boolean(),
    sortOrder: z.number().int(),
    uses: z.number().int().describe('Outcomes recorded with this code'),
  })
  .meta({ id: 'AdminOutcomeCode' });
export type AdminOutcomeCode = z.infer<typeof AdminOutcomeCodeSchema>;
