/** Why a card processor refused a charge: the code the API and the SPA explain. */
export type CardDecline = 'card_declined' | 'insufficient_funds' | 'expired_card' | 'processing_error';

export type ChargeRequest = Readonly<{
  /** The provider-side idempotency key: the same id never charges twice. */
  paymentAttemptId: string;
  /** The provider's reference to the stored card (for the simulated provider, the test card number). */
  paymentMethod: string;
  /** Integer minor units, more than zero. */
  amount: number;
  currency: string;
  description: string;
}>;

export type ChargeOutcome =
  | Readonly<{ status: 'succeeded'; chargeId: string; paymentAttemptId: string; amount: number; currency: string }>
  | Readonly<{ status: 'failed'; decline: CardDecline; paymentAttemptId: string; message: string }>;

export type RefundRequest = Readonly<{
  /** The provider-side idempotency key of the refund: the same id never refunds twice. */
  refundAttemptId: string;
  /** The charge's attempt id. */
  paymentAttemptId: string;
  /** Integer minor units, more than zero and at most what the charge captured. */
  amount: number;
  currency: string;
  reason: string;
}>;

export type RefundOutcome = Readonly<{
  status: 'refunded';
  refundId: string;
  refundAttemptId: string;
  paymentAttemptId: string;
  amount: number;
  currency: string;
}>;

export interface PaymentProvider {
  /**
   * Charges once per paymentAttemptId: a repeated id returns the first outcome without charging
   * again. Throws PaymentUnavailableError when the outcome is unknown (network failure, lost answer).
   */
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
  /** The provider's record of an attempt, or null if it never reached the provider. */
  lookup(paymentAttemptId: string): Promise<ChargeOutcome | null>;
  /**
   * Returns a captured charge's money, once per refundAttemptId: a repeated id returns the first
   * outcome. Throws PaymentUnavailableError when the outcome is unknown; retry with the same id.
   */
  refund(request: RefundRequest): Promise<RefundOutcome>;
}

/** We do not know whether the charge happened: retry with the same attempt id, or look it up. */
export class PaymentUnavailableError extends Error {
  constructor(message = 'The payment provider did not answer.', options?: ErrorOptions) {
    super(message, options);
    this.name = 'PaymentUnavailableError';
  }
}
