import type { BillingDetailsInput } from '@planshift/shared/billing-details';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { billingDetailsKey } from '../../../api/billing-details';
import { answer, client } from '../../../api/client';

/** Saves the billing details; the account's queries see the saved ones at once. */
export function useSaveBillingDetails() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (details: BillingDetailsInput) =>
      answer(await client.api['billing-details'].$put({ json: details })),
    onSuccess: (saved) => queryClient.setQueryData(billingDetailsKey, saved),
  });
}
