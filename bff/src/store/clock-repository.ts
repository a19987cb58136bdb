import type { Instant } from '@planshift/shared/periods';

/** The test clock's frozen time, shared by every BFF process on the database; null when it runs free. */
export interface ClockRepository {
  read(): Promise<Instant | null>;
  write(frozenAt: Instant | null): Promise<void>;
}
