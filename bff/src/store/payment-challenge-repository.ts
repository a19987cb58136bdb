import type { Instant } from '@planshift/shared/periods';
import type { CollectionClaim } from './collection-repository';
import type { ChallengeStatus, CollectionDue, CollectionResult, OrderRecord, PaymentChallengeRecord } from './records';

export type InvoiceChallengeEnd = Readonly<{
  challenge: PaymentChallengeRecord;
  /** The attempt as it ended: captured, or refused (the bank said no, or nobody answered in time). */
  result: CollectionResult;
  status: Exclude<ChallengeStatus, 'open'>;
  at: Instant;
  nextAttemptAt: (attempts: number) => Instant | null;
}>;

/**
 * Payments waiting for the customer's authentication at their bank. An order's challenge ends
 * with its order (the order repository closes it); an invoice's holds the subscription under
 * `challenge:<id>` until it ends here.
 */
export interface PaymentChallengeRepository {
  find(accountId: string, challengeId: string): Promise<PaymentChallengeRecord | null>;
  forOrder(orderId: string): Promise<PaymentChallengeRecord | null>;
  /** The invoice's challenge still waiting for an answer, if any. */
  openForInvoice(accountId: string, invoiceId: string): Promise<PaymentChallengeRecord | null>;
  /** Every challenge still waiting: recovery gives up those past their expiry. */
  open(): Promise<PaymentChallengeRecord[]>;
  /** Records a pending order's challenge once; answers it as recorded, or null once the order is no longer pending. */
  recordForOrder(
    input: Readonly<{ order: OrderRecord; challengeId: string; expiresAt: Instant; at: Instant }>,
  ): Promise<PaymentChallengeRecord | null>;
  /**
   * An invoice's payment waits for the customer: the collection's claim passes to the challenge,
   * which is recorded. Null when the collection no longer holds the subscription.
   */
  holdForInvoice(
    input: Readonly<{
      claim: CollectionClaim;
      due: CollectionDue;
      challengeId: string;
      paymentAttemptId: string;
      expiresAt: Instant;
      at: Instant;
    }>,
  ): Promise<PaymentChallengeRecord | null>;
  /** Recovery takes over an invoice challenge's hold whose owner is gone (or this process's own). */
  takeOver(challenge: PaymentChallengeRecord): Promise<boolean>;
  /** Ends an invoice's challenge once: the attempt recorded as a collection, the hold released. False if it had ended. */
  endForInvoice(end: InvoiceChallengeEnd): Promise<boolean>;
}
