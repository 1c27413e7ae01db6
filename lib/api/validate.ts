/** Parse request input with zod and turn failures into a VALIDATION AppError in the caller's language. */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { en } from '@/lib/i18n/messages/en';
import { es } from '@/lib/i18n/messages/es';
import type { AppLocale } from '@/lib/i18n/translate';

const spanish = z.locales.es();

/**
 * Our own field messages are the English catalogue's words (lib/i18n/messages/en/validation.ts); the
 * error response (lib/api/respond.ts) shows the catalogue's Spanish to a Spanish-speaking caller.
 */
const SPANISH_FIELD_MESSAGES = new Map<string, string>(
  (Object.keys(en.validation) as Array<keyof typeof en.validation>).map((k) => [en.validation[k], es.validation[k]]),
);

export function localiseFields(fields: Record<string, string>, locale: AppLocale): Record<string, string> {
  if (locale === 'en') return fields;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, SPANISH_FIELD_MESSAGES.get(v) ?? v]));
}

export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: AppLocale = 'en'): z.output<S> {
  // Query and path values reach SQL as text parameters: PostgreSQL refuses NUL there (a 500 before).
  const unstorable = findUnstorableString(input);
  if (unstorable) {
    throw new AppError('VALIDATION', 'A field contains a NUL character or an unpaired surrogate.', {
      es: 'Un campo contiene un carácter NUL o un sustituto sin pareja.',
      fields: { [unstorable]: en.validation.nul },
    });
  }
  const result = schema.safeParse(input, locale === 'es' ? { error: spanish.localeError } : undefined);
  if (result.success) return result.data;
  throw new AppError('VALIDATION', 'Some fields are missing or not valid.', {
    es: 'Hay datos que faltan o no son válidos.',
    fields: fieldsOf(result.error),
  });
}

/** Request bodies larger than this are refused before parsing. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

function unsupported(): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json.', {
    es: 'Envíe el cuerpo como JSON con Content-Type: application/json.',
  });
}

/** Strict UTF-8: a malformed byte is refused, never turned into U+FFFD and stored. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8(bytes: Uint8Array, what = 'The body'): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new AppError('VALIDATION', `${what} is not valid UTF-8.`, { es: 'El contenido no es UTF-8 válido.', fields: { _: 'invalid UTF-8' } });
  }
}

/**
 * The first string in a parsed JSON value that PostgreSQL cannot store or that no person types: a NUL
 * (text columns refuse it, which used to surface as a 500) or a lone surrogate (written as "\ud800").
 */
const LONE_SURROGATE = /\p{Cs}/u;

export function findUnstorableString(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path.join('.') || '_' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnstorableString(value[i], [...path, String(i)]);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findUnstorableString(k, [...path, k]) ?? findUnstorableString(v, [...path, k]);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * A JSON request body: 413 over the size limit, 415 unless Content-Type is JSON (a non-empty body
 * sent as text/plain or form data), 400 for invalid UTF-8, malformed JSON, NUL or lone surrogates.
 * An empty body is {} whatever its type (actions such as no-show send none).
 */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`);
  if (bytes.byteLength === 0) return {};
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) throw unsupported();
  const text = decodeUtf8(bytes);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw new AppError('VALIDATION', 'The body is not valid JSON.', { es: 'El cuerpo no es JSON válido.' });
  }
  const bad = findUnstorableString(parsed);
  if (bad) {
    throw new AppError('VALIDATION', 'A field contains a NUL character or an unpaired surrogate.', {
      es: 'Un campo contiene un carácter NUL o un sustituto sin pareja.',
      fields: { [bad]: en.validation.nul },
    });
  }
  return parsed;
}
