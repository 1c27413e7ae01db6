/** Request and response shapes for outcomes and corrections: shared by the forms and the API. */
import { z } from 'zod';
import { appointmentStatusEnum } from '@/db/schema/enums';

export const NOTES_MAX = 2000;
export const REASON_MAX = 1000;

const Code = z.string().trim().min(1).max(40);
const Notes = z.string().max(NOTES_MAX);
/** ISO 639 code of the language interpreted (e.g. ht, pt, quc). */
const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, { message: 'must be a 2 or 3 letter language code' });

const OutcomeFields = {
  code: Code,
  notes: Notes.optional().nullable(),
  interpreterUsed: z.boolean().optional(),
  interpreterLanguage: LanguageCode.optional().nullable(),
};

export const RecordOutcomeInputSchema = z
  .object({
    ...OutcomeFields,
    expectedVersion: z.number().int().min(1).optional(),
    /** Also accepted as the Idempotency-Key header: a kiosk replaying an outcome kept offline sends it. */
    idempotencyKey: z.string().min(1).max(255).optional(),
  })
  .meta({ id: 'RecordOutcomeInput' });
export type RecordOutcomeInput = z.input<typeof RecordOutcomeInputSchema>;

export const CorrectionOutcomeSchema = z.object(OutcomeFields);

export const CorrectionInputSchema = z
  .object({
    status: z.enum(appointmentStatusEnum.enumValues).optional(),
    outcome: CorrectionOutcomeSchema.optional(),
    reason: z.string().trim().min(1, { message: 'a reason is required' }).max(REASON_MAX),
    expectedVersion: z.number().int().min(1),
  })
  .meta({ id: 'CorrectionInput' });
export type CorrectionInput = z.input<typeof CorrectionInputSchema>;

export const OutcomeCodeSchema = z.object({
  code: z.string(),
  labelEn: z.string(),
  labelEs: z.string(),
  requiresNote: z.boolean(),
  active: z.boolean(),
});
export type OutcomeCodeOption = z.infer<typeof OutcomeCodeSchema>;
