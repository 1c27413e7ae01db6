import { z } from 'zod';

export const PortSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    state: z.string(),
    code: z.string(),
    timeZone: z.string(),
    graceMinutes: z.number().int(),
    bookingWindowDays: z.number().int().describe('Bookings are taken up to this many days after the port-local today'),
    active: z.boolean(),
    today: z.string().describe('Port-local date now (YYYY-MM-DD)'),
  })
  .meta({ id: 'Port' });

export type Port = z.infer<typeof PortSchema>;

export const PortListSchema = z.object({ ports: z.array(PortSchema) });
