import type { Instant } from '@planshift/shared/periods';
import { and, eq, isNull } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type { OutboxRepository } from '../outbox-repository';
import type { OutboxRecord } from '../records';
import type { PgContext } from './pg-context';

/**
 * How long a batch taken by `due` is this instance's, in the outbox's (clock) seconds: longer
 * than sending a batch takes. If the instance dies first, its messages are due again after it.
 */
export const OUTBOX_LEASE_SECONDS = 10 * 60;

// The due messages no other instance is taking (SKIP LOCKED), oldest first, leased in the same
// statement by moving their next attempt past the lease (docs/decisions/020).
const TAKE_DUE = {
  name: 'outbox-take-due',
  text: `with due as (
           select id, next_attempt_at from outbox where sent_at is null and next_attempt_at <= $1
           order by next_attempt_at, created_at limit $2 for update skip locked)
         update outbox o set next_attempt_at = $3 from due where o.id = due.id
         returning o.id, o.account_id as "accountId", o.kind, o.recipient, o.payload, o.attempts,
           o.created_at as "createdAt", due.next_attempt_at as "dueAt"`,
};

/**
 * The outbox as the dispatchers of several instances read it; messages are queued by the writes
 * that cause them (PgRowWriter.queueEmail). Unlike SQLite's, where one process sends, `due`
 * hands each due message to one instance: two instances never send the same one at once.
 */
export class PgOutbox implements OutboxRepository {
  constructor(private readonly ctx: PgContext) {}

  async due(now: Instant, limit: number): Promise<OutboxRecord[]> {
    const taken = await this.ctx.db.$client.query<OutboxRecord & { dueAt: number; createdAt: number }>({
      ...TAKE_DUE,
      values: [now, limit, now + OUTBOX_LEASE_SECONDS],
    });
    return taken.rows
      .sort((a, b) => a.dueAt - b.dueAt || a.createdAt - b.createdAt)
      .map(({ dueAt: _, ...message }) => message);
  }

  async markSent(id: string, at: Instant): Promise<void> {
    await this.ctx.db
      .update(t.outbox)
      .set({ sentAt: at })
      .where(and(eq(t.outbox.id, id), isNull(t.outbox.sentAt)));
  }

  async markFailed(id: string, attempts: number, nextAttemptAt: Instant, error: string): Promise<void> {
    await this.ctx.db
      .update(t.outbox)
      .set({ attempts, nextAttemptAt, lastError: error.slice(0, 1000) })
      .where(and(eq(t.outbox.id, id), isNull(t.outbox.sentAt)));
  }
}
