import { endSubscription, renewSubscription } from '@planshift/shared/apply';
import type { Instant } from '@planshift/shared/periods';
import { currentPeriod } from '@planshift/shared/subscription';
import type { AppDeps } from '../deps';
import { challengeExpiry } from '../payment-challenges/challenge-view';
import { PaymentUnavailableError } from '../payments/payment-provider';
import type { CollectionClaim } from '../store/collection-repository';
import type { BillingState, CollectionDue, CollectionResult, PaymentChallengeRecord } from '../store/records';
import type { PeriodEnds, RenewalCursor } from '../store/renewal-repository';

/** Days after the 1st, 2nd and 3rd declined attempt that the card is tried again; the 4th is the last. */
export const RETRY_AFTER_DAYS = [1, 3, 5] as const;
const BATCH = 500;

export type BillingRunSummary = Readonly<{
  renewed: number;
  /** Subscriptions whose cancellation took effect: canceled, not renewed. */
  ended: number;
  invoices: number;
  collected: number;
  declined: number;
  /** Subscriptions another writer held: a later pass renews or collects them. */
  skipped: number;
}>;

/**
 * Every period that has ended by `now`, renewed in order (several when runs were missed), and the
 * end of the subscription when its cancellation falls due instead of a renewal.
 */
export function periodEndsFor(state: BillingState, now: Instant, log?: Pick<AppDeps['log'], 'error'>): PeriodEnds {
  const renewals: PeriodEnds['renewals'][number][] = [];
  let subscription = state.subscription;
  for (;;) {
    const result = renewSubscription(state.catalog.catalog, subscription, now);
    if (result.ok) {
      renewals.push(result.renewal);
      subscription = result.renewal.subscription;
      continue;
    }
    if (result.reason === 'subscription_ends') {
      const ended = endSubscription(subscription, now);
      return { renewals, ending: ended.ok ? ended.ending : null };
    }
    if (result.reason === 'price_unavailable') {
      log?.error(
        { subscriptionId: subscription.id, item: { type: result.item.type, id: result.item.id } },
        'subscription cannot renew: no price for an item',
      );
    }
    return { renewals, ending: null };
  }
}

/** An invoice's attempt as the processor left it: answered, or waiting for the customer's bank. */
export type CollectionAttempt =
  | CollectionResult
  | Readonly<{ due: CollectionDue; paymentAttemptId: string; challengeId: string }>;

/** What charging claimed invoices did: the attempts recorded, and the payments waiting for authentication. */
export type Collected = Readonly<{
  results: CollectionResult[];
  recorded: number;
  challenges: PaymentChallengeRecord[];
}>;

/** The processor's idempotency key for an invoice's next attempt: a retry of the same attempt charges once. */
export function collectionAttemptId(due: CollectionDue): string {
  return `pa_inv_${due.invoiceId}_${due.attempts + 1}`;
}

export function nextAttemptAfter(at: Instant): (attempts: number) => Instant | null {
  return (attempts) => {
    const days = RETRY_AFTER_DAYS[attempts - 1];
    return days === undefined ? null : at + days * 86_400;
  };
}

/**
 * The period-end run: renews what has ended, then collects what is due. Runs in this process
 * queue behind each other; runs in several (or a crash between a charge and its record) are safe
 * because the store renews in write transactions that re-read each subscription, and a
 * collection attempt has one attempt id the processor deduplicates. A subscription another
 * writer holds (an order being confirmed) is left for a later pass (docs/decisions/006).
 */
export class BillingRun {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: Pick<AppDeps, 'store' | 'clock' | 'payments' | 'log' | 'metrics'>) {}

  run(): Promise<BillingRunSummary> {
    const next = this.#queue.then(() => this.#logged(this.deps.clock.now()));
    this.#queue = next.catch(() => {});
    return next;
  }

  /**
   * A writer that held the subscription (an invoice being paid) has let go: if its period has
   * ended, a run that skipped it meanwhile goes on now rather than at the next maintenance pass.
   */
  resumeAfter(state: BillingState | null): void {
    if (state && currentPeriod(state.subscription).end <= this.deps.clock.now()) {
      this.run().catch((error) => this.deps.log.error({ err: error, job: 'billing_run' }, 'billing run failed'));
    }
  }

  /** Resolves once the runs queued so far have ended. */
  async settled(): Promise<void> {
    await this.#queue;
  }

  /** A run's summary is logged when it did something, and its renewals counted. */
  async #logged(now: Instant): Promise<BillingRunSummary> {
    const started = performance.now();
    const summary = await this.#runOnce(now);
    this.deps.metrics.renewed(summary.renewed);
    if (Object.values(summary).some((n) => n > 0)) {
      const ms = Math.round(performance.now() - started);
      this.deps.log.info({ job: 'billing_run', at: now, ms, ...summary }, 'billing run');
    }
    return summary;
  }

  async #runOnce(now: Instant): Promise<BillingRunSummary> {
    let renewed = 0;
    let ended = 0;
    let invoices = 0;
    let skipped = 0;
    let cursor: RenewalCursor | null = null;
    do {
      const batch = await this.deps.store.renewals.renewDue({
        now,
        limit: BATCH,
        cursor,
        renew: (state) => periodEndsFor(state, now, this.deps.log),
      });
      renewed += batch.renewed;
      ended += batch.ended;
      invoices += batch.invoices;
      skipped += batch.skipped;
      cursor = batch.cursor;
    } while (cursor);

    let collected = 0;
    let declined = 0;
    for (;;) {
      const due = await this.deps.store.collections.due(now, BATCH);
      const claim = await this.deps.store.collections.claim(due);
      skipped += due.length - claim.dues.length;
      const { results, recorded } = await this.collectClaimed(claim, now);
      collected += results.filter((r) => r.outcome.status === 'succeeded').length;
      declined += results.filter((r) => r.outcome.status === 'failed').length;
      // Until a pass records nothing: a processor that does not answer leaves its invoices due,
      // and the next run tries again. Not only after a full batch: with several runs at once
      // (instances, or on PostgreSQL a run whose renewal batch found its rows locked and went on
      // to collect), this run's claim on a subscription hid from the run renewing it the invoices
      // that renewal added; the claim is released now, so this run collects them in its next pass.
      if (recorded === 0) break;
    }
    return { renewed, ended, invoices, collected, declined, skipped };
  }

  /**
   * Charges invoices whose subscriptions the caller has claimed, and records the outcomes (which
   * releases the claims); an attempt whose outcome is unknown gives its claim back for a next pass,
   * and one waiting for the customer's bank hands its claim to that challenge. `customerPresent`:
   * the customer is paying at the portal (Pay now), so their bank may ask them to authenticate.
   */
  async collectClaimed(claim: CollectionClaim, now: Instant, customerPresent = false): Promise<Collected> {
    const answered: CollectionResult[] = [];
    const waiting: Extract<CollectionAttempt, { challengeId: string }>[] = [];
    const unknown: CollectionDue[] = [];
    try {
      const outcomes = await Promise.all(
        claim.dues.map(async (due) => [due, await this.collect(due, customerPresent)] as const),
      );
      for (const [due, result] of outcomes) {
        if (!result) unknown.push(due);
        else if ('challengeId' in result) waiting.push(result);
        else answered.push(result);
      }
    } catch (error) {
      await this.deps.store.collections.release(claim, claim.dues);
      throw error;
    }
    const challenges: PaymentChallengeRecord[] = [];
    for (const { due, paymentAttemptId, challengeId } of waiting) {
      const held = await this.deps.store.challenges.holdForInvoice({
        claim,
        due,
        challengeId,
        paymentAttemptId,
        expiresAt: challengeExpiry(now),
        at: now,
      });
      if (held) challenges.push(held);
    }
    // Every claimed subscription is released, by its record or here when nothing was answered for it.
    const answeredSubscriptions = new Set(answered.map((r) => r.due.subscriptionId));
    await this.deps.store.collections.release(
      claim,
      unknown.filter((due) => !answeredSubscriptions.has(due.subscriptionId)),
    );
    const recorded = await this.deps.store.collections.record(claim, answered, now, nextAttemptAfter(now));
    this.deps.metrics.collectionFailed(answered.filter((r) => r.outcome.status === 'failed').length);
    return { results: answered, recorded, challenges };
  }

  /** Charges an invoice's next attempt; null when the processor's answer is unknown. */
  async collect(due: CollectionDue, customerPresent = false): Promise<CollectionAttempt | null> {
    const paymentAttemptId = collectionAttemptId(due);
    if (!due.paymentMethod) {
      const outcome = { status: 'failed', decline: 'no_payment_method', message: 'There is no card on file.' } as const;
      return { due, paymentAttemptId, customerPresent, outcome };
    }
    try {
      // An attempt the processor already has (its answer was lost, and the default card changed
      // since) is taken as it stands: asking again with another card would be another payment.
      const charged =
        (await this.deps.payments.lookup(paymentAttemptId)) ??
        (await this.deps.payments.charge({
          paymentAttemptId,
          paymentMethod: due.paymentMethod.reference,
          amount: due.amount,
          currency: due.currency,
          description: `Invoice ${due.number}`,
          customerPresent,
        }));
      if (charged.status === 'requires_action') return { due, paymentAttemptId, challengeId: charged.challengeId };
      return {
        due,
        paymentAttemptId,
        customerPresent,
        outcome:
          charged.status === 'succeeded'
            ? { status: 'succeeded', chargeId: charged.chargeId }
            : { status: 'failed', decline: charged.decline, message: charged.message },
      };
    } catch (error) {
      if (error instanceof PaymentUnavailableError) return null;
      throw error;
    }
  }
}
