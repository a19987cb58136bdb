import type { Instant } from '@planshift/shared/periods';
import { useCallback } from 'react';
import { useClock } from '../../api/clock';

/**
 * The system clock's now, as the server counts it (GET /api/clock): a test clock stands still,
 * so its instant is used as is; the real clock has moved on by the seconds since it was read.
 * The browser's own time is never used alone, so the local quote prices the server's instant.
 */
export function useServerNow(): Readonly<{ ready: boolean; now: () => Instant; testClock: boolean }> {
  const clock = useClock();
  const { data, dataUpdatedAt } = clock;
  const now = useCallback((): Instant => {
    if (!data) return 0;
    if (data.testClock) return data.now;
    return data.now + Math.max(0, Math.floor((Date.now() - dataUpdatedAt) / 1000));
  }, [data, dataUpdatedAt]);
  return { ready: data !== undefined, now, testClock: data?.testClock ?? false };
}
