/** Parse request input with zod and turn failures into a VALIDATION AppError in the caller's language. */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/translate';

const spanish = z.locales.es();

export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: AppLocale = 'en'): z.output<S> {
  const result = schema.safeParse(input, locale === 'es' ? { error: spanish.localeError } : undefined);
  if (result.success) return result.data;
  throw new AppError('VALIDATION', 'Some fields are missing or not valid.', {
    es: 'Hay datos que faltan o no son válidos.',
    fields: fieldsOf(result.error),
  });
}

/** Request bodies larger than this are refused before parsing. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('VALIDATION', 'The body is not valid JSON.');
  }
}
