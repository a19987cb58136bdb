import type { Instant } from '@planshift/shared/periods';
import type { CollectionClaim, CollectionRepository } from '../collection-repository';
import type { CollectionDue, CollectionResult } from '../records';
import { collectionHolder } from '../sqlite/claim-rows';
import { readDueCollections, readOpenInvoice, stillDue } from './pg-collection-rows';
import type { PgContext } from './pg-context';

const accountsOf = (dues: readonly CollectionDue[]) => dues.map((due) => due.accountId);

/**
 * Collections shared by instances (docs/decisions/020): a pass reads due invoices whose
 * subscription no live claim holds, claims their subscriptions (each claim is a row with a lease,
 * taken under the account's lock, so of two instances that read the same invoice exactly one
 * claims it), charges outside any transaction, and records under the account's lock only what it
 * still holds. A killed instance's claims lapse after their lease and the next pass, anywhere,
 * charges the same attempt id again.
 */
export class PgCollections implements CollectionRepository {
  constructor(private readonly ctx: PgContext) {}

  async due(now: Instant, limit: number): Promise<CollectionDue[]> {
    return this.ctx.read((db) => readDueCollections(db, now, limit, this.ctx.claimPolicy));
  }

  async findOpenInvoice(accountId: string, invoiceId: string): Promise<CollectionDue | null> {
    return this.ctx.read((db) => readOpenInvoice(db, accountId, invoiceId));
  }

  async claim(dues: readonly CollectionDue[]): Promise<CollectionClaim> {
    const holder = collectionHolder();
    return this.ctx.write(accountsOf(dues), async (tx) => {
      // Another instance may have charged some since they were read: those are not claimed.
      const current = await stillDue(tx, dues);
      const held = new Set<string>();
      const refused = new Set<string>();
      for (const { subscriptionId } of current) {
        if (held.has(subscriptionId) || refused.has(subscriptionId)) continue;
        ((await this.ctx.claims.take(tx, subscriptionId, holder)) ? held : refused).add(subscriptionId);
      }
      return { holder, dues: current.filter((due) => held.has(due.subscriptionId)) };
    });
  }

  async release(claim: CollectionClaim, dues: readonly CollectionDue[]): Promise<void> {
    if (dues.length === 0) return;
    await this.ctx.write(accountsOf(dues), async (tx) => {
      for (const due of dues) await this.ctx.claims.release(tx, due.subscriptionId, claim.holder);
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
      async (tx) => {
        let recorded = 0;
        for (const result of results) {
          // A claim that lapsed and was taken by another writer: that writer, or the next pass,
          // charges the same attempt id and records what the processor answers.
          if (!(await this.ctx.claims.holds(tx, result.due.subscriptionId, claim.holder))) continue;
          if ((await this.ctx.collections.record(tx, result, at, nextAttemptAt)) === 'recorded') recorded += 1;
        }
        for (const { due } of results) await this.ctx.claims.release(tx, due.subscriptionId, claim.holder);
        return recorded;
      },
    );
  }
}
