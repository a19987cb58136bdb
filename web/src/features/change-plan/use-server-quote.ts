import type { QuoteView } from '@planshift/shared/api';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { quoteQuery } from './api/change-plan';

const noRetry = () => {};

/** How long the choice must rest before the server is asked for its quote. */
export const SERVER_QUOTE_DEBOUNCE_MS = 300;

export type ServerQuote = Readonly<{
  /** The server's quote for exactly the current request, once it has answered. */
  view: QuoteView | undefined;
  /** Asking (or waiting for the choice to rest). */
  pending: boolean;
  error: unknown;
  retry: () => void;
}>;

/**
 * The server's quote (POST /api/quotes) for the request being shown, asked for once the choice
 * has rested for 300 ms: typing "120" asks once, not three times. Null asks nothing (the local
 * engine has already said what is wrong with the choice).
 */
export function useServerQuote(request: ChangeRequest | null): ServerQuote {
  const key = request ? JSON.stringify(request) : null;
  const [rested, setRested] = useState<Readonly<{ key: string; request: ChangeRequest }> | null>(null);
  // `key` stands for `request`: the same request in a new object must not restart the wait.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the request's JSON
  useEffect(() => {
    if (key === null || request === null) return;
    const timer = setTimeout(() => setRested({ key, request }), SERVER_QUOTE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const current = rested !== null && rested.key === key ? rested.request : null;
  const query = useQuery(quoteQuery(current));
  if (key === null) return { view: undefined, pending: false, error: null, retry: noRetry };
  return {
    view: current ? query.data : undefined,
    pending: current === null || query.isPending,
    error: current ? query.error : null,
    retry: query.refetch,
  };
}
