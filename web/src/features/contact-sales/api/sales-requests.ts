import type { SalesRequestInput } from '@planshift/shared/sales';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, client } from '../../../api/client';
import { accountScope } from '../../../api/query-keys';

export const salesKeys = {
  contact: () => [...accountScope, 'sales-requests'] as const,
  request: (id: string) => [...accountScope, 'sales-requests', id] as const,
};

/** What the account can ask sales about, who asks, and the requests already sent. */
export const salesContactQuery = () =>
  queryOptions({
    queryKey: salesKeys.contact(),
    queryFn: async () => answer(await client.api['sales-requests'].$get()),
  });

export const salesRequestQuery = (id: string) =>
  queryOptions({
    queryKey: salesKeys.request(id),
    queryFn: async () =>
      answer(
        await client.api['sales-requests'][':salesRequestId'].$get({
          param: { salesRequestId: encodeURIComponent(id) },
        }),
      ),
    select: (body) => body.salesRequest,
  });

export const useSalesContact = () => useQuery(salesContactQuery());
export const useSalesRequest = (id: string) => useQuery(salesRequestQuery(id));

/** Sends a request to sales: 201 new, 200 the same one sent in the last day (`repeat`). */
export function useSendSalesRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: SalesRequestInput) =>
      answer(await client.api['sales-requests'].$post({ json: request })),
    onSuccess: (sent) => {
      queryClient.setQueryData(salesKeys.request(sent.salesRequest.id), { salesRequest: sent.salesRequest });
      return queryClient.invalidateQueries({ queryKey: salesKeys.contact() });
    },
  });
}
