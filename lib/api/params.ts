/**
 * Path parameters, parsed with zod before any SQL: a malformed id, slug, code or date is a 400
 * VALIDATION naming the parameter, never a database error (a non-UUID against a uuid column used to
 * surface as a 500). Route handlers call parseParams right after authenticating.
 */
import { z } from 'zod';
import type { AppLocale } from '@/lib/i18n/translate';
import { isIsoDate } from '@/lib/time';
import { parseInput } from './validate';

const Uuid = z.uuid({ message: 'must be a UUID' });
/** A port slug, in a path or a query. */
export const Slug = z.string().max(40, { message: 'must be at most 40 characters' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a port slug such as san-ysidro' });
const IsoDate = z.string().refine(isIsoDate, { message: 'must be a date as YYYY-MM-DD' });
/** Confirmation codes as typed or scanned: letters, digits, spaces and dashes, normalised by the lib. */
const ConfirmationCode = z.string().min(1).max(32, { message: 'must be at most 32 characters' }).regex(/^[A-Za-z0-9 -]+$/, { message: 'must be letters and digits' });
const OutcomeCode = z.string().min(1).max(40, { message: 'must be at most 40 characters' }).regex(/^[a-z0-9_]+$/, { message: 'must be lowercase letters, digits and underscores' });

export const IdParams = z.object({ id: Uuid });
export const SlugParams = z.object({ slug: Slug });
export const SlugDateParams = z.object({ slug: Slug, date: IsoDate });
export const ConfirmationCodeParams = z.object({ code: ConfirmationCode });
export const OutcomeCodeParams = z.object({ code: OutcomeCode });

export function parseParams<S extends z.ZodType>(schema: S, params: unknown, locale: AppLocale = 'en'): z.output<S> {
  return parseInput(schema, params, locale);
}
