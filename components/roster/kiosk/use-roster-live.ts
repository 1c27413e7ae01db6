'use client';

/** The roster kept live (polling), and what the connection looks like from the kiosk. */
import { useQuery } from '@tanstack/react-query';
import { isOffline, isUnavailable, rosterKeys } from '@/lib/api-client';
import { fetchRoster } from '@/lib/api-client/roster';
import type { Roster } from '@/lib/roster/schemas';
import { useOnline } from '../use-now';

// Other kiosks must see a change within 5 seconds, with margin for a slow round trip.
const LIVE_REFRESH_MS = 2500;

export function useRosterLive(initial: Roster, editable: boolean) {
  const slug = initial.port.slug;
  const online = useOnline();
  const roster = useQuery({
    queryKey: rosterKeys.day(slug, initial.date),
    queryFn: () => fetchRoster(slug, initial.date),
    initialData: initial,
    refetchInterval: editable ? LIVE_REFRESH_MS : 30_000,
    // A kiosk behind another window must still be current when the officer returns to it.
    refetchIntervalInBackground: true,
  });
  const offline = !online || (roster.isError && isOffline(roster.error));
  // 503: the server answers but its database does not (restart, overload). Said at the first failed
  // poll, not after react-query's retries, and kept (the error stays) until a poll succeeds.
  const reconnecting = !offline && (isUnavailable(roster.failureReason) || (roster.isError && isUnavailable(roster.error)));
  return { rows: roster.data.appointments, offline, reconnecting };
}
