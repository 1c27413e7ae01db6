import { z } from 'zod';
import { ERROR_STATUS } from '@/lib/errors';

export const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const HealthSchema = z.object({ status: z.literal('ok') });
