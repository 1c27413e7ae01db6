import { z } from 'zod';
import { IsoDateSchema } from '@/lib/roster/schemas';

/** A GET form sends empty fields as "": they mean "no filter". */
const withoutEmpty = (v: unknown) =>
  v && typeof v === 'object' ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== '' && x !== undefined)) : v;

export const AuditQuerySchema = z.preprocess(
  withoutEmpty,
  z
    .object({
      port: z.string().trim().max(40).optional(),
      /** A fragment of the actor's name, email or label (intake key, system), case-insensitive. */
      actor: z.string().trim().max(200).optional(),
      /** An exact action (appointment.corrected) or a prefix of whole segments (appointment). */
      action: z.string().trim().max(100).optional(),
      /** Dates as YYYY-MM-DD, inclusive; in the chosen port's zone, else UTC. */
      from: IsoDateSchema.optional(),
      to: IsoDateSchema.optional(),
      /** Keyset cursor: events with an id below this one (the previous page's nextBefore). */
      before: z.coerce.number().int().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
      format: z.enum(['json', 'csv']).default('json'),
    })
    .transform((q) => ({ ...q, port: q.port || undefined, actor: q.actor || undefined, action: q.action || undefined }))
    .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] }),
);
export type AuditQuery = z.output<typeof AuditQuerySchema>;

export const AuditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    port: z.string().nullable(),
    actor: z.string().nullable(),
    actorEmail: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof AuditEventSchema>;

export const AuditListSchema = z.object({
  events: z.array(AuditEventSchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export type AuditList = z.infer<typeof AuditListSchema>;
