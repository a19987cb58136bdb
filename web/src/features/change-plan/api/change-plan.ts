import type { ChangeRequest } from '@planshift/shared/eligibility';
import { queryOptions, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, client } from '../../../api/client';
import { accountScope } from '../../../api/query-keys';

export const changePlanKeys = {
  options: () => [...accountScope, 'options'] as const,
  quotes: () => [...accountScope, 'quote'] as const,
  /** The server's quote for one requested target (add-ons in id order, so equal requests share it). */
  quote: (change: ChangeRequest | null) => [...accountScope, 'quote', change] as const,
  /** A confirmed change's answer, kept for its result page. */
  confirmation: (changeId: string) => [...accountScope, 'confirmation', changeId] as const,
};

export const optionsQuery = () =>
  queryOptions({
    queryKey: changePlanKeys.options(),
    // The options are asked for the subscription as it is: no query.
    queryFn: async () => answer(await client.api.account.options.$get({ query: {} })),
  });

export const useOptions = (enabled = true) => useQuery({ ...optionsQuery(), enabled });

// A quote is honoured for 30 minutes; asking again well before then keeps Confirm on a live one.
const QUOTE_FRESH_MS = 10 * 60_000;

/** The server's quote for a target state: POST /api/quotes, cached per request; null asks nothing. */
export const quoteQuery = (change: ChangeRequest | null) =>
  queryOptions({
    queryKey: changePlanKeys.quote(change),
    queryFn: change
      ? // The route's input is zod's (mutable arrays), the engine's request is read-only: copy the one array.
        async () => answer(await client.api.quotes.$post({ json: { ...change, addOns: [...change.addOns] } }))
      : skipToken,
    staleTime: QUOTE_FRESH_MS,
    gcTime: QUOTE_FRESH_MS,
    refetchOnWindowFocus: false,
  });

/**
 * Confirms a quote with an Idempotency-Key: a double click or a retry sends the same key and gets
 * the first answer again, never a second charge; a card whose bank asks for authentication
 * answers the challenge (202) until the customer has answered it. Whatever the outcome, the account may have moved
 * (or a declined attempt was recorded), so the account's data is fetched again.
 */
export function useConfirmChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ quoteId, idempotencyKey }: Readonly<{ quoteId: string; idempotencyKey: string }>) =>
      answer(await client.api.changes.$post({ header: { 'idempotency-key': idempotencyKey }, json: { quoteId } })),
    onSuccess: (confirmation) => {
      // A payment waiting for the customer's bank has no confirmation yet.
      if (!('changeId' in confirmation)) return;
      queryClient.setQueryData(changePlanKeys.confirmation(confirmation.changeId), confirmation);
      // Every quote was priced from the subscription as it was before: ask again when one is next shown.
      void queryClient.invalidateQueries({ queryKey: changePlanKeys.quotes(), refetchType: 'none' });
    },
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: accountScope,
        // A confirmation is not refetchable (it is the answer itself); quotes are handled by the caller.
        predicate: (query) => query.queryKey[1] !== 'confirmation' && query.queryKey[1] !== 'quote',
      }),
  });
}
