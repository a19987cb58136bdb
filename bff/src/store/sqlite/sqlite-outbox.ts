import type { Instant } from '@planshift/shared/periods';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { OutboxRepository } from '../outbox-repository';
import type { OutboxRecord } from '../records';
import type { SqliteContext } from './sqlite-context';

/** The outbox as the dispatcher reads it; messages are queued by the writes that cause them (RowWriter.queueEmail). */
export class SqliteOutbox implements OutboxRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async due(now: Instant, limit: number): Promise<OutboxRecord[]> {
    return this.ctx.db
      .select({
        id: t.outbox.id,
        accountId: t.outbox.accountId,
        kind: t.outbox.kind,
        recipient: t.outbox.recipient,
        payload: t.outbox.payload,
        attempts: t.outbox.attempts,
        createdAt: t.outbox.createdAt,
      })
      .from(t.outbox)
      .where(and(isNull(t.outbox.sentAt), lte(t.outbox.nextAttemptAt, now)))
      .orderBy(asc(t.outbox.nextAttemptAt), asc(t.outbox.createdAt))
      .limit(limit)
      .all();
  }

  async markSent(id: string, at: Instant): Promise<void> {
    this.ctx.db
      .update(t.outbox)
      .set({ sentAt: at })
      .where(and(eq(t.outbox.id, id), isNull(t.outbox.sentAt)))
      .run();
  }

  async markFailed(id: string, attempts: number, nextAttemptAt: Instant, error: string): Promise<void> {
    this.ctx.db
      .update(t.outbox)
      .set({ attempts, nextAttemptAt, lastError: error.slice(0, 1000) })
      .where(and(eq(t.outbox.id, id), isNull(t.outbox.sentAt)))
      .run();
  }
}
