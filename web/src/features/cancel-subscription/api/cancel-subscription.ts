import type { CancellationRequest } from '@planshift/shared/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, client } from '../../../api/client';
import { accountScope } from '../../../api/query-keys';

export const cancelSubscriptionKeys = {
  /** The account as the review shows it: what stays until when, and what is lost. */
  review: () => [...accountScope, 'cancellation-review'] as const,
};

export const cancelReviewQuery = () =>
  queryOptions({
    queryKey: cancelSubscriptionKeys.review(),
    queryFn: async () => answer(await client.api.account.$get()),
  });

export const useCancelReview = () => useQuery(cancelReviewQuery());

/** Cancels at the period end, with the reason given; everything of the account is fetched again after. */
export function useScheduleCancellation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: CancellationRequest) =>
      answer(await client.api.subscription.cancellation.$post({ json: request })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountScope }),
  });
}
