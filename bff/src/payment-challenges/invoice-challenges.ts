import type { Instant } from '@planshift/shared/periods';
import type { BillingRun } from '../billing/billing-run';
import { nextAttemptAfter } from '../billing/billing-run';
import type { AppDeps } from '../deps';
import type { ChallengeAnswer, ChargeOutcome } from '../payments/payment-provider';
import type { CollectionResult, PaymentChallengeRecord } from '../store/records';

/**
 * Invoice payments waiting for the customer's bank: ended from the processor's record of their
 * attempt (captured, refused, or given up once expired by the system clock), each exactly once,
 * as a collection attempt of the invoice, which releases the subscription.
 */
export class InvoiceChallenges {
  /** Challenges this process is ending right now: recovery leaves them alone meanwhile. */
  readonly #inFlight = new Map<string, Promise<PaymentChallengeRecord>>();

  constructor(
    private readonly deps: Pick<AppDeps, 'store' | 'clock' | 'payments' | 'log'>,
    private readonly billing: BillingRun,
  ) {}

  /**
   * Ends the challenge if its attempt is decided (or, with `answer`, after passing the customer's
   * answer to the processor, unless it has already expired); answers it as it now stands.
   */
  async settle(
    challenge: PaymentChallengeRecord,
    at: Instant,
    answer?: ChallengeAnswer,
  ): Promise<PaymentChallengeRecord> {
    const running = this.#inFlight.get(challenge.id);
    if (running) return running;
    const work = this.#settle(challenge, at, answer);
    this.#inFlight.set(challenge.id, work);
    try {
      return await work;
    } finally {
      this.#inFlight.delete(challenge.id);
    }
  }

  /** Recovery: every invoice challenge whose owner is gone (or which this process left open) is looked at again. */
  async sweep(): Promise<void> {
    const at = this.deps.clock.now();
    for (const challenge of await this.deps.store.challenges.open()) {
      if (!challenge.invoiceId || this.#inFlight.has(challenge.id)) continue;
      if (!(await this.deps.store.challenges.takeOver(challenge))) continue;
      await this.settle(challenge, at).catch((error) =>
        this.deps.log.warn({ err: error, challengeId: challenge.id }, 'invoice challenge could not be ended yet'),
      );
    }
  }

  /** Resolves once the challenges this process is ending have ended (a QA reset waits for it). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#inFlight.values()]);
  }

  async #settle(challenge: PaymentChallengeRecord, at: Instant, answer?: ChallengeAnswer) {
    const { payments, store } = this.deps;
    const expired = at >= challenge.expiresAt;
    let outcome: ChargeOutcome | null =
      answer && !expired
        ? await payments.authenticate(challenge.paymentAttemptId, answer)
        : await payments.lookup(challenge.paymentAttemptId);
    if (outcome?.status === 'requires_action' && expired) outcome = await payments.cancel(challenge.paymentAttemptId);
    if (!outcome || outcome.status === 'requires_action' || !challenge.invoiceId) return challenge;

    const due = await store.collections.findOpenInvoice(challenge.accountId, challenge.invoiceId);
    if (!due) throw new Error(`invoice ${challenge.invoiceId} of challenge ${challenge.id} is gone`);
    const result: CollectionResult = {
      // The attempt as it was made: its amount, and the card the customer authenticated.
      due: {
        ...due,
        amount: challenge.amount,
        paymentMethod: challenge.card && due.paymentMethod && { ...due.paymentMethod, ...challenge.card },
      },
      paymentAttemptId: challenge.paymentAttemptId,
      customerPresent: true,
      outcome:
        outcome.status === 'succeeded'
          ? { status: 'succeeded', chargeId: outcome.chargeId }
          : { status: 'failed', decline: outcome.decline, message: outcome.message },
    };
    const status =
      outcome.status === 'succeeded'
        ? 'succeeded'
        : outcome.decline === 'authentication_expired'
          ? 'expired'
          : 'failed';
    await store.challenges.endForInvoice({ challenge, result, status, at, nextAttemptAt: nextAttemptAfter(at) });
    this.billing.resumeAfter(await store.accounts.loadBillingState(challenge.accountId));
    return (await store.challenges.find(challenge.accountId, challenge.id)) ?? challenge;
  }
}
