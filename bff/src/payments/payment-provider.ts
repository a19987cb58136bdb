import type { CardBrand, CardProblem } from '@planshift/shared/payment-card';
import type { Instant } from '@planshift/shared/periods';

/**
 * Why a card processor refused a charge: the code the API and the SPA explain. The last two end a
 * payment that needed the customer's authentication: their bank said no, or they never answered.
 */
export type CardDecline =
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  | 'processing_error'
  | 'authentication_failed'
  | 'authentication_expired';

export type ChargeRequest = Readonly<{
  /** The provider-side idempotency key: the same id never charges twice. */
  paymentAttemptId: string;
  /** The provider's token for the card on file (never its number). */
  paymentMethod: string;
  /** Integer minor units, more than zero. */
  amount: number;
  currency: string;
  description: string;
  /**
   * On session: the customer is at the portal and can answer their bank's challenge (3-D Secure),
   * so a card that asks for it gets one. Off session (the period-end run's collections) a saved
   * card is charged without, as processors do for a card set up for later payments.
   */
  customerPresent: boolean;
}>;

/**
 * A payment as the processor holds it, the way a payment intent goes: captured, refused, or
 * waiting for the customer to authenticate at their bank (then captured or refused).
 */
export type ChargeOutcome =
  | Readonly<{ status: 'succeeded'; chargeId: string; paymentAttemptId: string; amount: number; currency: string }>
  | Readonly<{ status: 'failed'; decline: CardDecline; paymentAttemptId: string; message: string }>
  | Readonly<{
      status: 'requires_action';
      /** The bank's challenge the customer must answer; nothing is captured until they approve it. */
      challengeId: string;
      paymentAttemptId: string;
      amount: number;
      currency: string;
    }>;

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

export type TokenizeRequest = Readonly<{
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  /** The instant the card must not have expired by: the system clock's, so that a test clock applies. */
  validAt: Instant;
}>;

/** A stored card as the merchant may keep it: the token to charge, and what identifies it to people. */
export type TokenizedCard = Readonly<{
  token: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
}>;

export type TokenizeOutcome =
  | Readonly<{ ok: true; card: TokenizedCard }>
  | Readonly<{ ok: false; problems: CardProblem[] }>;

export type ChallengeAnswer = 'approve' | 'fail';

export interface PaymentProvider {
  /**
   * Checks a card (number, expiry, security code) and keeps it, answering a token to charge it by;
   * the number and the security code stay with the provider. Throws PaymentUnavailableError when
   * the provider does not answer.
   */
  tokenize(request: TokenizeRequest): Promise<TokenizeOutcome>;
  /**
   * Charges once per paymentAttemptId: a repeated id returns the attempt as it stands without
   * charging again. Throws PaymentUnavailableError when the outcome is unknown (network failure, lost answer).
   */
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
  /** The provider's record of an attempt as it stands, or null if it never reached the provider. */
  lookup(paymentAttemptId: string): Promise<ChargeOutcome | null>;
  /**
   * The customer's answer to their bank's challenge for an attempt waiting for it: approved, the
   * charge is captured; failed, it is refused (authentication_failed). An attempt already decided
   * answers as it was decided. In production the bank's own page talks to the processor; the
   * simulated processor takes the answer from the portal's simulated bank page.
   */
  authenticate(paymentAttemptId: string, answer: ChallengeAnswer): Promise<ChargeOutcome>;
  /**
   * Gives up on an attempt still waiting for the customer's authentication: it ends refused
   * (authentication_expired), nothing captured. One decided first (approved a moment before)
   * answers as it was decided. Throws PaymentUnavailableError when the outcome is unknown.
   */
  cancel(paymentAttemptId: string): Promise<ChargeOutcome>;
  /**
   * Returns a captured charge's money, once per refundAttemptId: a repeated id returns the first
   * outcome. Throws PaymentUnavailableError when the outcome is unknown; retry with the same id.
   */
  refund(request: RefundRequest): Promise<RefundOutcome>;
  /**
   * A test mode's processor only: forgets every record, so that a QA reset starts a new world (the
   * seeded invoices' attempt ids come again, and must find nothing). A real processor has none.
   */
  reset?(): Promise<void>;
  /** Lets go of what the provider holds open (the simulated processor's ledger connection). */
  close?(): void;
}

/** We do not know whether the charge happened: retry with the same attempt id, or look it up. */
export class PaymentUnavailableError extends Error {
  constructor(message = 'The payment provider did not answer.', options?: ErrorOptions) {
    super(message, options);
    this.name = 'PaymentUnavailableError';
  }
}
