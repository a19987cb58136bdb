import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiFailure } from '../api/api-failure';
import { accountScope, sessionKey } from '../api/query-keys';

/** The app's one QueryClient: no retries for answers that will not change (4xx), and a lapsed session signs out. */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiFailure && error.status === 401) {
          queryClient.removeQueries({ queryKey: accountScope });
          queryClient.setQueryData(sessionKey, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) =>
          !(error instanceof ApiFailure && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
  return queryClient;
}
