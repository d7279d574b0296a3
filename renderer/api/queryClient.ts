import { QueryClient } from '@tanstack/react-query';

/**
 * One cache for data from the main process. It is cleared whenever the person at the screen
 * changes: what an owner saw (whole phone numbers) must not be shown from cache to a clerk.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    // Data changes only through this app: refetching on focus would only burn idle sessions.
    queries: { refetchOnWindowFocus: false, retry: false, staleTime: 30_000 },
  },
});
