/** The single place where errors become HTTP responses (the one error shape of docs/api.md, whatever went wrong). */
import 'server-only';
import { toAppError, unavailableCode, type ErrorCode } from '@/lib/errors';
import { translatorFor } from '@/lib/i18n/catalog';
import { localiseFields } from './validate';
import { logError, logWarn } from '@/lib/log';
import { now } from '@/lib/time';
import type { AppLocale, MessageKey } from '@/lib/i18n/translate';

export const NO_STORE = { 'Cache-Control': 'no-store, private', Pragma: 'no-cache' } as const;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
  });
}

/**
 * Every API answer says the server's clock (epoch milliseconds): the kiosk measures its clock offset
 * from it at each successful request, so a tap recorded offline can be placed on the server's clock.
 */
export const SERVER_TIME_HEADER = 'X-Server-Time';

export function withServerTime(response: Response): Response {
  try {
    response.headers.set(SERVER_TIME_HEADER, String(now().getTime()));
  } catch {
    // Immutable headers (a redirect): the header is a help for clients, never a reason to fail.
  }
  return response;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; [extra: string]: unknown };
}

/** English messages are written where the error is raised; other languages use the catalogue's wording. */
export function errorResponse(error: unknown, locale: AppLocale = 'en', requestId?: string | null): Response {
  const appError = toAppError(error);
  if (appError.code === 'UNAVAILABLE' && appError.cause !== undefined) {
    // An outage answers many requests at once: one short line each, with the driver's code, no stack.
    logWarn({ requestId, unavailable: unavailableCode(appError.cause) });
  }
  if (appError.code === 'INTERNAL') {
    // The detail goes to the log (one line, JSON-escaped so a name cannot forge log lines), never to the client.
    logError({ requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  const message =
    locale === 'en' ? appError.message : (appError.es ?? translatorFor(locale)(`errors.${appError.code}` as MessageKey));
  const body: ErrorBody = { error: { ...(appError.details ?? {}), code: appError.code, message } };
  if (appError.fields) body.error.fields = localiseFields(appError.fields, locale);
  if (locale !== 'en') body.error.detail = appError.message;
  const headers: Record<string, string> = {};
  if (appError.retryAfterSeconds) headers['Retry-After'] = String(appError.retryAfterSeconds);
  return json(body, appError.status, headers);
}
