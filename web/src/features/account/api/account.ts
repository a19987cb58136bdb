import type { AccountView, DocumentsView, InvoicePaymentView } from '@planshift/shared/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, send } from '../../../api/client';
import { accountScope } from '../../../api/query-keys';

export const accountKeys = {
  view: () => [...accountScope, 'view'] as const,
  documents: () => [...accountScope, 'documents'] as const,
};

export const accountQuery = () =>
  queryOptions({ queryKey: accountKeys.view(), queryFn: () => request<AccountView>('GET', '/api/account') });

export const documentsQuery = () =>
  queryOptions({
    queryKey: accountKeys.documents(),
    queryFn: () => request<DocumentsView>('GET', '/api/documents'),
    select: (body) => body.documents,
  });

export const useAccount = (enabled = true) => useQuery({ ...accountQuery(), enabled });
export const useDocuments = () => useQuery(documentsQuery());

/** Charges the card on file for what is still due on an open invoice (402 `payment_declined` with the reason). */
export function usePayInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoiceId: string) =>
      request<InvoicePaymentView>('POST', `/api/invoices/${encodeURIComponent(invoiceId)}/pay`, {}),
    // A decline records a failed attempt too, so refresh either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountScope }),
  });
}

export function useCancelScheduledChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await send('DELETE', '/api/scheduled-change');
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountScope }),
  });
}
