import type { Instant } from '@planshift/shared/periods';
import type { CollectionClaim, CollectionRepository } from '../collection-repository';
import type { CollectionDue, CollectionResult } from '../records';
import { collectionHolder } from './claim-rows';
import { DueCollections, readOpenInvoice } from './collection-rows';
import type { SqliteContext } from './sqlite-context';

const accountsOf = (dues: readonly CollectionDue[]) => dues.map((due) => due.accountId);
const subscriptionsOf = (dues: readonly CollectionDue[]) => [...new Set(dues.map((due) => due.subscriptionId))];

export class SqliteCollections implements CollectionRepository {
  readonly #due: DueCollections;

  constructor(private readonly ctx: SqliteContext) {
    this.#due = new DueCollections(ctx.db.$client);
  }

  async due(now: Instant, limit: number): Promise<CollectionDue[]> {
    return this.#due.read(now, limit);
  }

  async findOpenInvoice(accountId: string, invoiceId: string): Promise<CollectionDue | null> {
    return readOpenInvoice(this.ctx.db, accountId, invoiceId);
  }

  async claim(dues: readonly CollectionDue[]): Promise<CollectionClaim> {
    const holder = collectionHolder();
    return this.ctx.write(accountsOf(dues), () => {
      const held = this.ctx.claims.takeAll(
        dues.map((due) => due.subscriptionId),
        holder,
      );
      return { holder, dues: dues.filter((due) => held.has(due.subscriptionId)) };
    });
  }

  async release(claim: CollectionClaim, dues: readonly CollectionDue[]): Promise<void> {
    if (dues.length === 0) return;
    this.ctx.write(accountsOf(dues), () => {
      this.ctx.claims.releaseAll(subscriptionsOf(dues), claim.holder);
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
        const subscriptions = subscriptionsOf(results.map((r) => r.due));
        const held = this.ctx.claims.heldAmong(subscriptions, claim.holder);
        for (const result of results) {
          // A claim that lapsed and was taken by another writer: that writer, or the next pass,
          // charges the same attempt id and records what the processor answers.
          if (!held.has(result.due.subscriptionId)) continue;
          if (this.ctx.collections.record(result, at, nextAttemptAt) === 'recorded') recorded += 1;
        }
        this.ctx.claims.releaseAll(subscriptions, claim.holder);
        return recorded;
      },
    );
  }
}
