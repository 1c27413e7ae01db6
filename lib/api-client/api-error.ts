/**
 * The one error the browser sees from our API: the docs/api.md error shape as a class, with the
 * request id (to quote to support) and `offline` for a request that got no answer at all.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole `error` object of the body: fields, and extras such as the current `appointment`. */
    readonly body: { fields?: Record<string, string>; [extra: string]: unknown } = {},
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** No answer at all (network down, server unreachable): retrying later is right. */
  get offline(): boolean {
    return this.status === 0;
  }

  get fields(): Record<string, string> | undefined {
    return this.body.fields;
  }
}

export const offlineError = () => new ApiError(0, 'OFFLINE', 'No connection.');

export const isOffline = (error: unknown): boolean => error instanceof ApiError && error.offline;

/** The server answered 503 UNAVAILABLE: its database is restarting or overloaded; retrying is right. */
export const isUnavailable = (error: unknown): boolean => error instanceof ApiError && error.status === 503;
