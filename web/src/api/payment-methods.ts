import type { ChallengeDecision } from '@planshift/shared/api';
import type { AddPaymentMethodRequest } from '@planshift/shared/payment-card';
import { queryOptions, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, client } from './client';
import { accountScope } from './query-keys';

// The cards on file and the bank's challenges, which the account page, the change flow and the
// payment methods page all use: a shared layer, since features do not import each other.

export const paymentKeys = {
  methods: () => [...accountScope, 'payment-methods'] as const,
  challenge: (id: string) => [...accountScope, 'payment-challenge', id] as const,
};

export const paymentMethodsQuery = () =>
  queryOptions({
    queryKey: paymentKeys.methods(),
    queryFn: async () => answer(await client.api['payment-methods'].$get()),
  });

export const usePaymentMethods = () => useQuery(paymentMethodsQuery());

/** hono/client puts a param into the path as it is given. */
const param = (id: string) => ({ id: encodeURIComponent(id) });

/** A card change moves what the account page shows (its card) too: everything of the account is read again. */
function useCardMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: accountScope }) });
}

/** Adds a card (422 with each field's problem when it is not one). */
export const useAddPaymentMethod = () =>
  useCardMutation(async (card: AddPaymentMethodRequest) =>
    answer(await client.api['payment-methods'].$post({ json: card })),
  );

export const useMakeDefaultPaymentMethod = () =>
  useCardMutation(async (id: string) =>
    answer(await client.api['payment-methods'][':id'].default.$put({ param: param(id), json: {} })),
  );

export const useRemovePaymentMethod = () =>
  useCardMutation(async (id: string) =>
    answer(await client.api['payment-methods'][':id'].$delete({ param: param(id) })),
  );

const challengeParam = (id: string) => ({ challengeId: encodeURIComponent(id) });

/** A payment waiting for (or past) the customer's answer to their bank; null asks nothing. */
export const challengeQuery = (id: string | null) =>
  queryOptions({
    queryKey: paymentKeys.challenge(id ?? ''),
    queryFn: id
      ? async () => answer(await client.api['payment-challenges'][':challengeId'].$get({ param: challengeParam(id) }))
      : skipToken,
  });

export const useChallenge = (id: string | null) => useQuery(challengeQuery(id));

/** The customer's answer to their bank: the payment is then made (approve) or not (fail). */
export const useAnswerChallenge = () =>
  useCardMutation(async ({ id, decision }: Readonly<{ id: string; decision: ChallengeDecision }>) => {
    const route = client.api['payment-challenges'][':challengeId'];
    const call = decision === 'approve' ? route.approve : route.fail;
    return answer(await call.$post({ param: challengeParam(id), json: {} }));
  });
