import type { Instant } from '@planshift/shared/periods';
import type { ChangeSet, IssuedDocuments, OrderRecord, StoredResponse } from './records';

export type ClaimInput = Readonly<{
  accountId: string;
  idempotencyKey: string;
  requestHash: string;
  now: Instant;
  keyExpiresAt: Instant;
  order: Omit<OrderRecord, 'status'>;
}>;

export type ClaimResult =
  | Readonly<{ kind: 'claimed'; order: OrderRecord }>
  /** The key already finished: replay exactly what it answered. */
  | Readonly<{ kind: 'replay'; response: StoredResponse }>
  | Readonly<{ kind: 'key_reused' }>
  /** The key is claimed by an order still pending (in flight, or abandoned by a crash). */
  | Readonly<{ kind: 'in_progress'; order: OrderRecord | null }>
  /** The subscription changed since the quote was priced. */
  | Readonly<{ kind: 'stale' }>
  /** Another writer holds the subscription (an order being confirmed, an invoice being collected). */
  | Readonly<{ kind: 'subscription_busy' }>
  /** The key was used for an order whose key record has since been swept (after 48 hours). */
  | Readonly<{ kind: 'key_expired' }>;

export type CompleteOrderResult =
  | Readonly<{ kind: 'completed'; response: StoredResponse }>
  /** The subscription is not the one the order was priced from (or is gone): refund the charge. */
  | Readonly<{ kind: 'moved' }>;

export type FailOrderInput = Readonly<{
  order: OrderRecord;
  at: Instant;
  /** How it failed, with the answer to replay; null when the charge never reached the provider: the claim is undone. */
  outcome:
    | Readonly<{ kind: 'declined'; declineCode: string }>
    /** The subscription moved: the change was not applied, and what was captured was refunded (refundId). */
    | Readonly<{ kind: 'not_applied'; refundId: string | null; reason: string }>
    | null;
  response: StoredResponse | null;
}>;

export type IdempotencyOutcome = Readonly<{
  requestHash: string;
  response: StoredResponse | null;
  order: OrderRecord | null;
}>;

/** Confirming a change: claim the Idempotency-Key and the subscription, then (after the payment) complete or fail. */
export interface OrderRepository {
  findIdempotencyOutcome(accountId: string, key: string): Promise<IdempotencyOutcome | null>;
  claim(input: ClaimInput): Promise<ClaimResult>;
  complete(change: ChangeSet, respond: (issued: IssuedDocuments) => StoredResponse): Promise<CompleteOrderResult>;
  fail(input: FailOrderInput): Promise<void>;
  pending(): Promise<OrderRecord[]>;
  /** Recovery takes over a pending order's claim whose owner is gone; false while its owner may still finish it. */
  takeOver(order: OrderRecord): Promise<boolean>;
  find(orderId: string): Promise<OrderRecord | null>;
}
