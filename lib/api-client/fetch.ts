/** The one way browser code calls the JSON API (the same endpoints outside systems use). */
import { ApiError, offlineError } from './api-error';
import { measureOffset, notifyApiSuccess, recordClockOffset } from './clock';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A mutation as a value: forms build one, confirm it, then send it. */
export interface ApiRequest {
  method: Exclude<HttpMethod, 'GET'>;
  url: string;
  body?: unknown;
}

export interface FetchOptions {
  method?: HttpMethod;
  body?: unknown;
  /** Error messages come back in this language. */
  locale?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function apiFetch<T>(url: string, options: FetchOptions = {}): Promise<T> {
  const { method = 'GET', body, locale, headers = {}, signal } = options;
  let response: Response;
  const sentAt = Date.now();
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      signal,
      headers: {
        Accept: 'application/json',
        ...(body !== undefined || method !== 'GET' ? { 'Content-Type': 'application/json' } : {}),
        ...(locale ? { 'Accept-Language': locale } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : method !== 'GET' ? '{}' : undefined,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw offlineError();
  }
  const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok) {
    recordClockOffset(measureOffset(response.headers.get('x-server-time'), sentAt, Date.now()));
    notifyApiSuccess();
    return (payload ?? {}) as T;
  }
  const error = (payload?.error ?? {}) as { code?: string; message?: string; [extra: string]: unknown };
  throw new ApiError(response.status, error.code ?? 'INTERNAL', error.message ?? response.statusText, error, response.headers.get('x-request-id'));
}

/** Send a prepared mutation. */
export const send = <T>(request: ApiRequest, locale?: string): Promise<T> =>
  apiFetch<T>(request.url, { method: request.method, body: request.body, locale });

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** For forms that show the failure in place: the outcome as a value instead of a throw. */
export async function settle<T>(call: Promise<T>): Promise<ApiResult<T>> {
  try {
    return { ok: true, data: await call };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error };
    throw error;
  }
}
