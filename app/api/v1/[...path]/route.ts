import { AppError } from '@/lib/errors';
import { apiRoute } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

// Unknown API paths answer in the API's error shape, not with the HTML 404 page.
const notFound = apiRoute<{ path: string[] }>(async () => {
  throw new AppError('NOT_FOUND', 'No such API endpoint.');
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
