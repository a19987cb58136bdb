import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, client } from './client';
import { clockKey } from './query-keys';

/** The instant every quote is priced at, and whether it is a test clock (the header shows it; quotes use it). */
export const clockQuery = () =>
  queryOptions({ queryKey: clockKey, queryFn: async () => answer(await client.api.clock.$get()) });

export const useClock = () => useQuery(clockQuery());
