import type { Instant } from '@planshift/shared/periods';
import type { ClaimHolder } from './claim-policy';
import type { CollectionDue, CollectionResult } from './records';

export type CollectionClaim = Readonly<{ holder: ClaimHolder; dues: readonly CollectionDue[] }>;

/** Collecting what period ends (and changes) bill: open invoices, charged under a claim. */
export interface CollectionRepository {
  due(now: Instant, limit: number): Promise<CollectionDue[]>;
  findOpenInvoice(accountId: string, invoiceId: string): Promise<CollectionDue | null>;
  /**
   * Claims, under one new holder, the subscriptions of invoices about to be charged; answers the
   * invoices whose subscription it claimed (the rest wait for a next pass).
   */
  claim(dues: readonly CollectionDue[]): Promise<CollectionClaim>;
  /** Gives back the claim's subscriptions whose outcome is unknown: a next pass charges the same attempt again. */
  release(claim: CollectionClaim, dues: readonly CollectionDue[]): Promise<void>;
  /**
   * Records collection attempts once each, and only while their claim is held, releasing it;
   * `nextAttemptAt` is the retry schedule. Answers how many were new.
   */
  record(
    claim: CollectionClaim,
    results: readonly CollectionResult[],
    at: Instant,
    nextAttemptAt: (attempts: number) => Instant | null,
  ): Promise<number>;
}
