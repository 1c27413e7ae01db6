'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isOffline, isUnavailable } from './api-error';

/** The app's one React Query client (kiosk roster, dashboard live panel). */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // Keep showing the last good data while reconnecting; the offline banner says why.
            // Only a missing answer or a 503 is worth retrying; a 4xx will not change.
            retry: (failures, error) => failures < 2 && (isOffline(error) || isUnavailable(error)),
            retryDelay: (n) => Math.min(1000 * 2 ** n, 5000),
            refetchOnWindowFocus: true,
          },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
