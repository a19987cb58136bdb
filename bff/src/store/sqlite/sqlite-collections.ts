import type { Instant } from '@planshift/shared/periods';
import type { CollectionClaim, CollectionRepository } from '../collection-repository';
import type { CollectionDue, CollectionResult } from '../records';
import { collectionHolder } from './claim-rows';
import { readDueCollections, readOpenInvoice } from './collection-rows';
import type { SqliteContext } from './sqlite-context';

const accountsOf = (dues: readonly CollectionDue[]) => dues.map((due) => due.accountId);

export class SqliteCollections implements CollectionRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async due(now: Instant, limit: number): Promise<CollectionDue[]> {
    return readDueCollections(this.ctx.db, now, limit);
  }

  async findOpenInvoice(accountId: string, invoiceId: string): Promise<CollectionDue | null> {
    return readOpenInvoice(this.ctx.db, accountId, invoiceId);
  }

  async claim(dues: readonly CollectionDue[]): Promise<CollectionClaim> {
    const holder = collectionHolder();
    return this.ctx.write(accountsOf(dues), () => {
      const held = new Set<string>();
      const refused = new Set<string>();
      for (const { subscriptionId } of dues) {
        if (held.has(subscriptionId) || refused.has(subscriptionId)) continue;
        (this.ctx.claims.take(subscriptionId, holder) ? held : refused).add(subscriptionId);
      }
      return { holder, dues: dues.filter((due) => held.has(due.subscriptionId)) };
    });
  }

  async release(claim: CollectionClaim, dues: readonly CollectionDue[]): Promise<void> {
    if (dues.length === 0) return;
    this.ctx.write(accountsOf(dues), () => {
      for (const due of dues) this.ctx.claims.release(due.subscriptionId, claim.holder);
    });
  }

  async record(
    claim: CollectionClaim,
    results: readonly CollectionResult[],
    at: Instant,
    nextAttemptAt: (attempts: number) => Instant | null,
  ): Promise<number> {
    return this.ctx.write(
      results.map((r) => r.due.accountId),
      () => {
        let recorded = 0;
        for (const result of results) {
          // A claim that lapsed and was taken by another writer: that writer, or the next pass,
          // charges the same attempt id and records what the processor answers.
          if (!this.ctx.claims.holds(result.due.subscriptionId, claim.holder)) continue;
          if (this.ctx.collections.record(result, at, nextAttemptAt) === 'recorded') recorded += 1;
        }
        for (const { due } of results) this.ctx.claims.release(due.subscriptionId, claim.holder);
        return recorded;
      },
    );
  }
}
