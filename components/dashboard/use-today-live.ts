'use client';

/**
 * Today's figures kept current, for the dashboard's "Today, live" and the wall view: the
 * server-rendered figures are the first data; with one or two ports in view, each port's event
 * stream says when to refetch; polling every 30 s only while a stream is down (or with more ports
 * in view than this view may hold streams for).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { statsKeys } from '@/lib/api-client';
import { fetchToday } from '@/lib/api-client/stats';
import { usePortEvents, useThrottled } from '@/lib/api-client/use-port-events';
import type { Today } from '@/lib/stats/schemas';

const REFRESH_MS = 30_000;
/** Streams this view may hold (a session has 4): with more ports in view it polls as before. */
const MAX_STREAMS = 2;
/** A rush folds into one refetch per this gap. */
const REFETCH_GAP_MS = 2000;

export function useTodayLive(initial: Today, ports: string[], opts: { inBackground?: boolean } = {}) {
  const client = useQueryClient();
  const streamed = initial.ports.length <= MAX_STREAMS ? initial.ports.map((p) => p.port) : [];
  const refetch = useThrottled(() => void client.invalidateQueries({ queryKey: statsKeys.today(ports), exact: true }), REFETCH_GAP_MS);
  // Any change at a port in view may move its figures (a booking for a later day moves none, but
  // "today" turns over at port-local midnight, so no date is compared here).
  const { live } = usePortEvents(streamed, () => refetch());
  return useQuery({
    queryKey: statsKeys.today(ports),
    queryFn: () => fetchToday(ports),
    initialData: initial,
    refetchInterval: live ? false : REFRESH_MS,
    refetchIntervalInBackground: opts.inBackground ?? false,
  });
}
