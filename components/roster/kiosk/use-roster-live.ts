'use client';

/**
 * The roster kept live, and what the connection looks like from the kiosk. Changes are pushed by
 * the port's event stream (usePortEvents): the day's roster is refetched when a change of that day
 * arrives. Polling is only the fallback while the stream is down, slowing from 2.5 s to 30 s.
 */
import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isOffline, isUnavailable, rosterKeys } from '@/lib/api-client';
import { fetchRoster } from '@/lib/api-client/roster';
import { usePortEvents, useThrottled } from '@/lib/api-client/use-port-events';
import type { Roster } from '@/lib/roster/schemas';
import { useOnline } from '../use-now';

// While the stream is down: the first poll after 2.5 s (the old polling rate), then slower.
const FALLBACK_FIRST_MS = 2500;
const FALLBACK_MAX_MS = 30_000;
/** A rush folds into one refetch per this gap per kiosk. */
const REFETCH_GAP_MS = 2000;

/** The fallback interval: the old rate for the first seconds of an outage, then half its length so far, at most 30 s. */
export function fallbackIntervalMs(downForMs: number, first = FALLBACK_FIRST_MS): number {
  return Math.min(FALLBACK_MAX_MS, Math.max(first, downForMs / 2));
}

export function useRosterLive(initial: Roster, editable: boolean) {
  const slug = initial.port.slug;
  const date = initial.date;
  const online = useOnline();
  const client = useQueryClient();
  const key = rosterKeys.day(slug, date);
  const refetch = useThrottled(() => void client.invalidateQueries({ queryKey: rosterKeys.day(slug, date), exact: true }), REFETCH_GAP_MS);
  const { live } = usePortEvents([slug], (event) => {
    // A change of another day, or of capacity only, leaves this roster as it is.
    if (event.type === 'change' && ((event.change.d && event.change.d !== date) || event.change.k === 'capacity')) return;
    refetch();
  });
  const downSince = useRef<number | null>(null);
  const roster = useQuery({
    queryKey: key,
    queryFn: () => fetchRoster(slug, date),
    initialData: initial,
    refetchInterval: () => (live ? false : fallbackIntervalMs(Date.now() - (downSince.current ?? Date.now()), editable ? FALLBACK_FIRST_MS : FALLBACK_MAX_MS)),
    // A kiosk behind another window must still be current when the officer returns to it.
    refetchIntervalInBackground: true,
  });
  const wasLive = useRef(false);
  useEffect(() => {
    if (live) {
      downSince.current = null;
    } else {
      downSince.current ??= Date.now();
      // The stream just went down: ask now, so a database outage shows at once (the banner below).
      if (wasLive.current) void client.invalidateQueries({ queryKey: rosterKeys.day(slug, date), exact: true });
    }
    wasLive.current = live;
  }, [live, client, slug, date]);
  const offline = !online || (roster.isError && isOffline(roster.error));
  // 503: the server answers but its database does not (restart, overload). Said at the first failed
  // poll, not after react-query's retries, and kept (the error stays) until a poll succeeds.
  const reconnecting = !offline && (isUnavailable(roster.failureReason) || (roster.isError && isUnavailable(roster.error)));
  return { rows: roster.data.appointments, offline, reconnecting, live };
}
