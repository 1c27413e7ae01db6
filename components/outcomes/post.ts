/** Client-side POST to our JSON API; the API's error shape comes back as data, never as a throw. */
export interface ApiError {
  code: string;
  message: string;
  fields?: Record<string, string>;
  appointment?: { status: string; version: number; outcome: { code: string } | null };
}

export type PostResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

export async function postJson<T>(url: string, body: unknown): Promise<PostResult<T>> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
    const payload = (await response.json().catch(() => ({}))) as { error?: ApiError } & T;
    if (response.ok) return { ok: true, data: payload };
    return { ok: false, status: response.status, error: payload.error ?? { code: 'INTERNAL', message: response.statusText } };
  } catch (e) {
    return { ok: false, status: 0, error: { code: 'UNAVAILABLE', message: e instanceof Error ? e.message : String(e) } };
  }
}

export interface CodeChoice {
  code: string;
  label: string;
  requiresNote: boolean;
}
