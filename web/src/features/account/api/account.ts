import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, client } from '../../../api/client';
import { accountScope } from '../../../api/query-keys';

export const accountKeys = {
  view: () => [...accountScope, 'view'] as const,
  documents: () => [...accountScope, 'documents'] as const,
};

export const accountQuery = () =>
  queryOptions({ queryKey: accountKeys.view(), queryFn: async () => answer(await client.api.account.$get()) });

export const documentsQuery = () =>
  queryOptions({
    queryKey: accountKeys.documents(),
    queryFn: async () => answer(await client.api.documents.$get()),
    select: (body) => body.documents,
  });

export const useAccount = (enabled = true) => useQuery({ ...accountQuery(), enabled });
export const useDocuments = () => useQuery(documentsQuery());

/** Charges the card on file for what is still due on an open invoice (402 `payment_declined` with the reason). */
export function usePayInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (invoiceId: string) =>
      // hono/client puts a param into the path as it is given.
      answer(
        await client.api.invoices[':invoiceId'].pay.$post({
          param: { invoiceId: encodeURIComponent(invoiceId) },
          json: {},
        }),
      ),
    // A decline records a failed attempt too, so refresh either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountScope }),
  });
}

export function useCancelScheduledChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await answer(await client.api['scheduled-change'].$delete());
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountScope }),
  });
}

/** Withdraws the scheduled cancellation: the subscription renews, with the change the cancellation replaced back. */
export function useResumeSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => answer(await client.api.subscription.cancellation.$delete()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountScope }),
  });
}
