import type { Instant } from '@planshift/shared/periods';
import type { SeedPlan } from './records';

/** Seeding, the hourly sweep, and what a QA reset waits for. */
export interface MaintenanceRepository {
  /** Throws unless the database answers a trivial query: what readiness asks (/api/ready). */
  ping(): Promise<void>;
  /** What waits, read when metrics are scraped: unsent e-mails, and orders not yet ended. */
  backlog(): Promise<Readonly<{ unsentMessages: number; pendingOrders: number }>>;
  hasAccounts(): Promise<boolean>;
  /** True while any writer holds a claim: a QA reset waits for them to settle. */
  hasClaims(): Promise<boolean>;
  /** Removes expired sessions and completed idempotency keys (by wall time). */
  purgeExpired(now: Readonly<{ wallNow: Instant }>): Promise<void>;
  resetTo(plan: SeedPlan): Promise<void>;
  /**
   * What a test clock can be moved to: the first period end after `after` of a subscription
   * still billed, and the first pending change or cancellation taking effect after it.
   */
  nextDue(after: Instant): Promise<Readonly<{ renewal: Instant | null; scheduledChange: Instant | null }>>;
}
