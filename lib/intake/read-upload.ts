/** The request body of a roster upload: CSV bytes or parsed JSON, refused past 5 MB before parsing. */
import { AppError } from '@/lib/errors';
import type { ImportSource } from './import-roster';
import { MAX_IMPORT_BYTES, tooLarge } from './roster-file';

export async function readUpload(request: Request): Promise<ImportSource> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_IMPORT_BYTES) throw tooLarge('bytes');
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge('bytes');
  if (type === 'text/csv' || type === 'application/csv') return { kind: 'csv', bytes };
  if (type === 'application/json' || type === '') {
    try {
      return { kind: 'json', body: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
    } catch {
      throw new AppError('VALIDATION', 'The body is not valid JSON.', { es: 'El cuerpo no es JSON válido.' });
    }
  }
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send text/csv or application/json, not ${type}.`, { es: `Envíe text/csv o application/json, no ${type}.` });
}
