import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, client } from './client';
import { accountScope } from './query-keys';

// Here rather than in a feature: the account page shows the details and the billing details page
// edits them, and features do not import each other. Under accountScope, so a save (or a reset)
// invalidates it with everything else of the account.
export const billingDetailsKey = [...accountScope, 'billing-details'] as const;

/** The billing details new documents carry, and whether the signed-in person may change them. */
export const billingDetailsQuery = () =>
  queryOptions({
    queryKey: billingDetailsKey,
    queryFn: async () => answer(await client.api['billing-details'].$get()),
  });

export const useBillingDetails = () => useQuery(billingDetailsQuery());
