'use client';

/**
 * Today's figures kept current, for the dashboard's "Today, live" and the wall view: the
 * server-rendered figures are the first data; one event stream for all the ports in view says when
 * to refetch; polling every 30 s only while the stream is down.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { statsKeys } from '@/lib/api-client';
import { fetchToday } from '@/lib/api-client/stats';
import { usePortEvents, useThrottled } from '@/lib/api-client/use-port-events';
import type { Today } from '@/lib/stats/schemas';

const REFRESH_MS = 30_000;
/** A rush folds into one refetch per this gap. */
const REFETCH_GAP_MS = 2000;

export function useTodayLive(initial: Today, ports: string[], opts: { inBackground?: boolean } = {}) {
  const client = useQueryClient();
  const streamed = initial.ports.map((p) => p.port);
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
