import { SALES_REQUEST_WINDOW_SECONDS } from '@planshift/shared/sales';
import { and, desc, eq, getTableColumns, gt } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import { uuidV7 } from '../../ids';
import type { SalesRequestRecord } from '../records';
import type { SalesRequestOutcome, SalesRequestRepository, SalesRequestSubmission } from '../sales-request-repository';
import type { PgContext } from './pg-context';
import { namesNoRow } from './pg-text';

export class PgSalesRequests implements SalesRequestRepository {
  constructor(private readonly ctx: PgContext) {}

  /**
   * Decides and writes in one transaction holding the account's row lock (SQLite's IMMEDIATE
   * transaction, per account): two identical requests sent at once (a double click) are one
   * request and one e-mail to sales, and the limit counts every request.
   */
  async submit({ request, at, decide, emails }: SalesRequestSubmission): Promise<SalesRequestOutcome> {
    return this.ctx.write([request.accountId], async (tx) => {
      const recent = await tx
        .select()
        .from(t.salesRequests)
        .where(
          and(
            eq(t.salesRequests.accountId, request.accountId),
            gt(t.salesRequests.createdAt, at - SALES_REQUEST_WINDOW_SECONDS),
          ),
        )
        .orderBy(t.salesRequests.createdAt);
      const decision = decide(recent);
      if (decision.kind !== 'new') return decision;
      const record: SalesRequestRecord = { ...request, id: uuidV7(), createdAt: at };
      await tx.insert(t.salesRequests).values(record);
      for (const email of emails(record)) {
        await this.ctx.rows.queueEmail(tx, { ...email, accountId: request.accountId, at });
      }
      await this.ctx.rows.audit(tx, {
        accountId: request.accountId,
        userId: request.userId,
        action: 'sales_request.created',
        subjectType: 'sales_request',
        subjectId: record.id,
        data: { planId: record.planId, seats: record.seats, sentTo: record.sentTo },
        at,
      });
      return { kind: 'new', request: record };
    });
  }

  async find(accountId: string, id: string): Promise<SalesRequestRecord | null> {
    if (namesNoRow(id)) return null;
    const [row] = await this.ctx.db
      .select()
      .from(t.salesRequests)
      .where(and(eq(t.salesRequests.accountId, accountId), eq(t.salesRequests.id, id)));
    return row ?? null;
  }

  async ofAccount(accountId: string, limit: number): Promise<SalesRequestRecord[]> {
    return this.ctx.db
      .select()
      .from(t.salesRequests)
      .where(eq(t.salesRequests.accountId, accountId))
      .orderBy(desc(t.salesRequests.createdAt), desc(t.salesRequests.id))
      .limit(limit);
  }

  async latest(limit: number) {
    return this.ctx.db
      .select({ ...getTableColumns(t.salesRequests), accountName: t.accounts.name })
      .from(t.salesRequests)
      .innerJoin(t.accounts, eq(t.accounts.id, t.salesRequests.accountId))
      .orderBy(desc(t.salesRequests.createdAt), desc(t.salesRequests.id))
      .limit(limit);
  }
}
