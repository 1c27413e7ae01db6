import { AppError, isAppError } from '@/lib/errors';
import { checkReady } from '@/lib/health';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => {
  try {
    await checkReady();
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('UNAVAILABLE', 'The database is not answering.', { retryAfterSeconds: 5, cause: error });
  }
  return json({ status: 'ok' });
});
