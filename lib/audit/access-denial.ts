/**
 * Every refused request leaves an `access.denied` event: who (user, or intake key name, or
 * "anonymous"), what (method and path, never the query string: it can hold names), why, and the
 * request id. The refused request changed nothing, so the event is written in its own small
 * transaction after the refusal.
 *
 * Flooding: an anonymous client can make us write one row per request. We still record each one (an
 * audit trail that samples is no proof), but keep the row small and bounded, put anonymous and
 * lead/admin refusals in the global chain (port null) and a signed-in officer's in their own port's
 * chain, and never let a failed audit write change the answer the client gets.
 */
import { getDb } from '@/db';
import { AppError, isAppError } from '@/lib/errors';
import { ANONYMOUS, isAccessDenied, type Denial } from '@/lib/auth/access-denied';
import { logError } from '@/lib/log';
import { recordAudit } from './record';

export const ACCESS_DENIED_ACTION = 'access.denied';

export interface DeniedRequest {
  method: string;
  path: string;
  status: number;
  code: string;
  requestId: string | null;
}

const MAX_TARGET = 300;
const MAX_REASON = 300;

/** The denial an error stands for: our own AccessDeniedError, or any other 401/403 (say a future check). */
export function denialOf(error: unknown): Denial | null {
  if (isAccessDenied(error)) return error.denial;
  if (isAppError(error) && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) {
    return { subject: ANONYMOUS, reason: error.message, portId: null };
  }
  return null;
}

export async function recordAccessDenial(denial: Denial, request: DeniedRequest): Promise<void> {
  try {
    const db = await getDb();
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { userId: denial.subject.userId, role: denial.subject.role, label: denial.subject.label, requestId: request.requestId },
        {
          action: ACCESS_DENIED_ACTION,
          targetType: 'request',
          targetId: `${request.method} ${request.path}`.slice(0, MAX_TARGET),
          portId: denial.portId,
          after: { status: request.status, code: request.code },
          reason: denial.reason.slice(0, MAX_REASON),
        },
      ),
    );
  } catch (error) {
    // The refusal stands whatever happens here; the log keeps the detail (one JSON line).
    logError({ requestId: request.requestId, message: 'could not record an access denial', error: error instanceof Error ? error.message : String(error) });
  }
}

/** Called by apiRoute for every error it answers: records it when it is a denial, ignores the rest. */
export async function recordApiDenial(request: Request, error: unknown, requestId: string | null): Promise<void> {
  const denial = denialOf(error);
  if (!denial || !(error instanceof AppError)) return;
  await recordAccessDenial(denial, {
    method: request.method,
    path: new URL(request.url).pathname,
    status: error.status,
    code: error.code,
    requestId,
  });
}
