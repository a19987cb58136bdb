import type { ClockView } from '@planshift/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from './client';
import { clockKey } from './query-keys';

/** The instant every quote is priced at, and whether it is a test clock (the header shows it; quotes use it). */
export const clockQuery = () =>
  queryOptions({ queryKey: clockKey, queryFn: () => request<ClockView>('GET', '/api/clock') });

export const useClock = () => useQuery(clockQuery());
