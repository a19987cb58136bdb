import type { Instant } from '@planshift/shared/periods';
import type { OutboxRecord } from './records';

/** E-mails queued in the same transaction as the change that caused them, sent after commit. */
export interface OutboxRepository {
  /** Unsent messages whose next attempt is due (sentAt null, nextAttemptAt <= now), oldest first. */
  due(now: Instant, limit: number): Promise<OutboxRecord[]>;
  markSent(id: string, at: Instant): Promise<void>;
  /** A failed send; a next attempt far in the future means the dispatcher gave up. */
  markFailed(id: string, attempts: number, nextAttemptAt: Instant, error: string): Promise<void>;
}
