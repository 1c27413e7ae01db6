/** What each mutation changes in the query cache (the rest of the pages are server-rendered). */
import type { QueryClient } from '@tanstack/react-query';
import { rosterKeys, statsKeys } from './keys';

/** A check-in, no-show or undo changes that port's roster for that day and today's figures. */
export function afterArrival(client: QueryClient, slug: string, date: string): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: rosterKeys.day(slug, date), exact: true }),
    client.invalidateQueries({ queryKey: statsKeys.todayAll }),
  ]).then(() => undefined);
}
