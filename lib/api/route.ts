/**
 * Route handlers are thin adapters: this wrapper gives each one the error shape, the
 * cross-site check for cookie-authenticated mutations, and no-store caching.
 */
import { recordApiDenial } from '@/lib/audit/access-denial';
import { AccessDeniedError, ANONYMOUS } from '@/lib/auth/access-denied';
import type { AppLocale } from '@/lib/i18n/translate';
import { withRequestDeadline } from './deadline';
import { requestLocale } from './locale';
import { carriesSessionCookie, isSameOrigin } from './origin';
import { errorResponse, withServerTime } from './respond';

export interface RouteContext<P> {
  request: Request;
  params: P;
  locale: AppLocale;
  requestId: string | null;
}

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function apiRoute<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const locale = requestLocale(request);
    const requestId = request.headers.get('x-request-id');
    try {
      // Only the cookie is a credential a cross-site page can make the browser send. A mutation
      // carrying it needs a same-origin proof, whatever Authorization header comes along (a junk
      // Bearer must not switch the check off). Without it the handler authenticates by intake key
      // and answers 401 for a missing or invalid one, before any origin question.
      if (MUTATIONS.has(request.method) && carriesSessionCookie(request.headers) && !isSameOrigin(request)) {
        throw new AccessDeniedError('FORBIDDEN', 'Cross-site request refused.', { subject: ANONYMOUS, reason: 'cross-site request', portId: null });
      }
      const params = await context.params;
      return withServerTime(await withRequestDeadline(request, () => handler({ request, params, locale, requestId })));
    } catch (error) {
      // Refusals (401, 403, another port's 404) are audited; other errors are not denials.
      await recordApiDenial(request, error, requestId);
      return withServerTime(errorResponse(error, locale, requestId));
    }
  };
}
