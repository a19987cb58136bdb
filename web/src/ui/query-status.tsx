import { ErrorNotice } from './error-notice';
import { Loading } from './loading';

type Query = Readonly<{ isPending: boolean; isError: boolean; error: unknown; refetch: () => Promise<unknown> }>;

/** What a screen shows of a read that has not given its answer: that it loads, or why it failed with a way to try again. */
export function QueryStatus({ query }: Readonly<{ query: Query }>) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  return null;
}
