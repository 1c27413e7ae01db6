/** The admin pages' one way to call the JSON API (same endpoints outside systems use). */
export interface ApiRequest {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
}

export type ApiResult<T = Record<string, unknown>> =
  | { ok: true; data: T }
  | { ok: false; message: string; fields?: Record<string, string>; network?: boolean };

export async function callApi<T = Record<string, unknown>>(req: ApiRequest, locale: string): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(req.url, {
      method: req.method,
      headers: { 'Content-Type': 'application/json', 'Accept-Language': locale },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, message: '', network: true };
  }
  const payload = (await response.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
  if (response.ok) return { ok: true, data: (payload ?? {}) as T };
  return { ok: false, message: payload?.error?.message ?? response.statusText, fields: payload?.error?.fields };
}
