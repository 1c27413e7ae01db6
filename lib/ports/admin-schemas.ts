import { z } from 'zod';
import { validation } from '@/lib/i18n/messages/en/validation';
import { isPortTimeZone } from './time-zones';

const TimeZone = z.string().refine(isPortTimeZone, { message: 'must be an America/* time zone from the list' });
const Grace = z.number().int().min(0).max(120);
/** How many days ahead bookings are taken (lib/intake/rules.ts beyondBookingWindow). */
const BookingWindow = z.number({ message: validation.bookingWindow }).int({ message: validation.bookingWindow }).min(1, { message: validation.bookingWindow }).max(366, { message: validation.bookingWindow });

export const AddPortBodySchema = z
  .object({
    slug: z.string().trim().min(2).max(40).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens'),
    name: z.string().trim().min(2).max(80),
    state: z.string().trim().regex(/^[A-Z]{2}$/, 'two capital letters, e.g. TX'),
    code: z.string().trim().regex(/^[0-9]{4}$/, 'four digits'),
    timeZone: TimeZone,
    graceMinutes: Grace.default(15),
    bookingWindowDays: BookingWindow.default(60),
    active: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'NewPort' });

export const UpdatePortBodySchema = z
  .object({
    name: z.string().trim().min(2).max(80),
    state: z.string().trim().regex(/^[A-Z]{2}$/, 'two capital letters, e.g. TX'),
    code: z.string().trim().regex(/^[0-9]{4}$/, 'four digits'),
    timeZone: TimeZone,
    graceMinutes: Grace,
    bookingWindowDays: BookingWindow,
    active: z.boolean(),
  })
  .partial()
  .strict()
  .meta({ id: 'PortChange' });
