import type { Instant } from '@planshift/shared/periods';
import type { SalesRequestDecision } from '@planshift/shared/sales';
import type { OutboxMessageDraft, SalesRequestRecord } from './records';

export type NewSalesRequest = Omit<SalesRequestRecord, 'id' | 'createdAt'>;

export type SalesRequestSubmission = Readonly<{
  request: NewSalesRequest;
  at: Instant;
  /** Given the account's requests of the last day, whether this one is new, a repeat, or must wait. */
  decide: (recent: readonly SalesRequestRecord[]) => SalesRequestDecision<SalesRequestRecord>;
  /** The e-mails a new request sends (to sales, and the confirmation to the customer). */
  emails: (request: SalesRequestRecord) => readonly OutboxMessageDraft[];
}>;

export type SalesRequestOutcome =
  | Readonly<{ kind: 'new' | 'repeat'; request: SalesRequestRecord }>
  | Readonly<{ kind: 'throttled'; retryAt: Instant }>;

/** Customers' requests for sales: written with their e-mails in one transaction, listed for the operator. */
export interface SalesRequestRepository {
  submit(submission: SalesRequestSubmission): Promise<SalesRequestOutcome>;
  find(accountId: string, id: string): Promise<SalesRequestRecord | null>;
  /** The account's requests, newest first. */
  ofAccount(accountId: string, limit: number): Promise<SalesRequestRecord[]>;
  /** Every account's requests, newest first, with the account's name: the operator's list. */
  latest(limit: number): Promise<(SalesRequestRecord & Readonly<{ accountName: string }>)[]>;
}
