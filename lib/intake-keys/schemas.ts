import { z } from 'zod';

export const NewIntakeKeySchema = z.object({ name: z.string().trim().min(2).max(80) }).strict().meta({ id: 'NewIntakeKey' });

export const IntakeKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to recognise it'),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'IntakeKey' });
export type IntakeKeyJson = z.infer<typeof IntakeKeySchema>;

export const CreatedIntakeKeySchema = z.object({ id: z.string(), key: z.string().describe('Shown this once'), name: z.string(), prefix: z.string() });
