import { type Renewal, renewSubscription } from '@planshift/shared/apply';
import type { Instant } from '@planshift/shared/periods';
import type { AppDeps } from '../http/app-env';
import { PaymentUnavailableError } from '../payments/payment-provider';
import type { BillingState, CollectionDue, CollectionResult } from '../store/records';
import type { RenewalCursor } from '../store/store';

/** Days after the 1st, 2nd and 3rd declined attempt that the card is tried again; the 4th is the last. */
export const RETRY_AFTER_DAYS = [1, 3, 5] as const;
const BATCH = 500;

export type BillingRunSummary = Readonly<{ renewed: number; invoices: number; collected: number; declined: number }>;

/** Every period that has ended by `now`, renewed in order: several when runs were missed. */
export function renewalsFor(state: BillingState, now: Instant): Renewal[] {
  const renewals: Renewal[] = [];
  let subscription = state.subscription;
  for (;;) {
    const result = renewSubscription(state.catalog.catalog, subscription, now);
    if (!result.ok) {
      if (result.reason === 'price_unavailable') {
        console.error(
          `subscription ${subscription.id} cannot renew: no price for ${result.item.type} ${result.item.id}`,
        );
      }
      return renewals;
    }
    renewals.push(result.renewal);
    subscription = result.renewal.subscription;
  }
}

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
 * collection attempt has one attempt id the processor deduplicates.
 */
export class BillingRun {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: Pick<AppDeps, 'store' | 'clock' | 'payments'>) {}

  run(): Promise<BillingRunSummary> {
    const next = this.#queue.then(() => this.#runOnce(this.deps.clock.now()));
    this.#queue = next.catch(() => {});
    return next;
  }

  /** Starts the timer of normal operation; the test clock's moves call run() themselves. */
  every(intervalMs: number): () => void {
    const timer = setInterval(() => {
      this.run().catch((error) => console.error('billing run failed', error));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  async #runOnce(now: Instant): Promise<BillingRunSummary> {
    let renewed = 0;
    let invoices = 0;
    let cursor: RenewalCursor | null = null;
    do {
      const batch = await this.deps.store.renewDue({
        now,
        limit: BATCH,
        cursor,
        renew: (state) => renewalsFor(state, now),
      });
      renewed += batch.renewed;
      invoices += batch.invoices;
      cursor = batch.cursor;
    } while (cursor);

    let collected = 0;
    let declined = 0;
    for (;;) {
      const due = await this.deps.store.dueCollections(now, BATCH);
      const results = (await Promise.all(due.map((d) => this.collect(d)))).filter((r) => r !== null);
      const recorded = await this.deps.store.recordCollections(results, now, nextAttemptAfter(now));
      collected += results.filter((r) => r.outcome.status === 'succeeded').length;
      declined += results.filter((r) => r.outcome.status === 'failed').length;
      // A processor that does not answer leaves its invoices due: the next run tries again.
      if (due.length < BATCH || recorded === 0) break;
    }
    return { renewed, invoices, collected, declined };
  }

  /** Charges an invoice's next attempt; null when the processor's answer is unknown. */
  async collect(due: CollectionDue): Promise<CollectionResult | null> {
    const paymentAttemptId = collectionAttemptId(due);
    if (!due.paymentMethod) {
      const outcome = { status: 'failed', decline: 'no_payment_method', message: 'There is no card on file.' } as const;
      return { due, paymentAttemptId, outcome };
    }
    try {
      const charged = await this.deps.payments.charge({
        paymentAttemptId,
        paymentMethod: due.paymentMethod.reference,
        amount: due.amount,
        currency: due.currency,
        description: `Invoice ${due.number}`,
      });
      return {
        due,
        paymentAttemptId,
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
