/**
 * The request body of a roster upload: CSV bytes (text/csv) or JSON (application/json), refused past
 * 5 MB before parsing; any other Content-Type (text/plain, form data, none) is 415. JSON is decoded as
 * strict UTF-8 and refused with NUL or lone surrogates, like every other JSON body (lib/api/validate.ts).
 */
import { decodeUtf8, findUnstorableString } from '@/lib/api/validate';
import { AppError } from '@/lib/errors';
import { validation } from '@/lib/i18n/messages/en/validation';
import type { ImportSource } from './import-roster';
import { MAX_IMPORT_BYTES, tooLarge } from './roster-file';

export async function readUpload(request: Request): Promise<ImportSource> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_IMPORT_BYTES) throw tooLarge('bytes');
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'text/csv' && type !== 'application/csv' && type !== 'application/json') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send text/csv or application/json, not ${type || 'no Content-Type'}.`, {
      es: `Envíe text/csv o application/json, no ${type || 'sin Content-Type'}.`,
    });
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge('bytes');
  if (type !== 'application/json') return { kind: 'csv', bytes };
  let body: unknown;
  try {
    body = JSON.parse(decodeUtf8(bytes)) as unknown;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', 'The body is not valid JSON.', { es: 'El cuerpo no es JSON válido.' });
  }
  const bad = findUnstorableString(body);
  if (bad) throw new AppError('VALIDATION', 'A field contains a NUL character or an unpaired surrogate.', { es: 'Un campo contiene un carácter NUL o un sustituto sin pareja.', fields: { [bad]: validation.nul } });
  return { kind: 'json', body };
}
