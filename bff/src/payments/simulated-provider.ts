import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemWallClock, type WallClock } from '../clock';
import {
  type ChargeLedger,
  type ChargeRecord,
  InMemoryChargeLedger,
  type LedgerRecord,
  type RefundRecord,
} from './charge-ledger';
import {
  type CardDecline,
  type ChargeOutcome,
  type ChargeRequest,
  type PaymentProvider,
  PaymentUnavailableError,
  type RefundOutcome,
  type RefundRequest,
} from './payment-provider';

/** The card processor test numbers everyone knows (Stripe's), and what each one does. */
export const TEST_CARDS: Readonly<Record<string, 'success' | CardDecline>> = {
  '4242424242424242': 'success',
  '5555555555554444': 'success',
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000069': 'expired_card',
  '4000000000000119': 'processing_error',
};

const DECLINE_MESSAGES: Readonly<Record<CardDecline, string>> = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  expired_card: 'Your card has expired.',
  processing_error: 'An error occurred while processing your card.',
};

/**
 * A failure tests inject: before the processor charges, after it charged (the answer is lost),
 * or a new attempt declined for insufficient funds whatever the card (a card that bounces once).
 */
export type PaymentFault = Readonly<{ kind: 'fail_before_charge' | 'lose_response' | 'decline'; times?: number }>;

export type SimulatedProviderOptions = Readonly<{
  ledger?: ChargeLedger;
  delayMs?: number;
  /** The processor's own wall time, stamped on its records. */
  wall?: WallClock;
}>;

/**
 * A card processor's test mode: deterministic outcomes by card number, its own idempotency by
 * attempt id, and faults on demand, so that every path of the confirm flow can be exercised.
 */
export class SimulatedPaymentProvider implements PaymentProvider {
  readonly #ledger: ChargeLedger;
  #delayMs: number;
  readonly #wall: WallClock;
  #faults: { kind: PaymentFault['kind']; remaining: number }[] = [];
  readonly #writing = new Map<string, Promise<LedgerRecord>>();

  constructor(options: SimulatedProviderOptions = {}) {
    this.#ledger = options.ledger ?? new InMemoryChargeLedger();
    this.#delayMs = options.delayMs ?? 0;
    this.#wall = options.wall ?? systemWallClock;
  }

  injectFault(fault: PaymentFault): void {
    this.#faults.push({ kind: fault.kind, remaining: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.#faults = [];
  }

  /** How long the processor takes to answer, after it has recorded the outcome. */
  setDelay(ms: number): void {
    this.#delayMs = ms;
  }

  /** Forgets every charge and fault: a QA reset starts a new world, processor included. */
  reset(): void {
    this.#ledger.clear();
    this.clearFaults();
  }

  /** Every charge outcome the processor recorded, one per attempt id. */
  charges(): ChargeOutcome[] {
    return this.#ledger
      .all()
      .filter((record) => record.status !== 'refunded')
      .map(outcomeOf);
  }

  /** Every refund the processor made, one per refund attempt id. */
  refunds(): RefundOutcome[] {
    return this.#ledger
      .all()
      .filter((record) => record.status === 'refunded')
      .map(refundOutcomeOf);
  }

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
      throw new RangeError(`amount must be a positive integer of minor units, not ${request.amount}`);
    }
    const fault = this.#takeFault();
    if (fault === 'fail_before_charge') throw new PaymentUnavailableError('The payment provider could not be reached.');

    const record = await this.#once(request.paymentAttemptId, () =>
      recordFor(request, fault === 'decline' ? 'insufficient_funds' : null, this.#recordedAt()),
    );
    if (record.status === 'refunded') throw new Error(`${request.paymentAttemptId} is a refund's id`);
    assertSameRequest(record, request);
    const outcome = outcomeOf(record);
    if (this.#delayMs > 0) await sleep(this.#delayMs);
    if (fault === 'lose_response') throw new PaymentUnavailableError('The payment provider’s answer was lost.');
    return outcome;
  }

  async lookup(paymentAttemptId: string): Promise<ChargeOutcome | null> {
    // A lookup racing the attempt's first charge answers once that charge is recorded, not null
    // in between: null tells the caller the attempt never happened and may be abandoned.
    await this.#writing.get(paymentAttemptId)?.catch(() => {});
    const record = this.#ledger.get(paymentAttemptId);
    return record && record.status !== 'refunded' ? outcomeOf(record) : null;
  }

  async refund(request: RefundRequest): Promise<RefundOutcome> {
    const fault = this.#takeFault();
    if (fault === 'fail_before_charge') throw new PaymentUnavailableError('The payment provider could not be reached.');
    await this.#writing.get(request.paymentAttemptId)?.catch(() => {});
    const record = await this.#once(request.refundAttemptId, () => this.#refundRecordFor(request));
    if (record.status !== 'refunded' || record.paymentAttemptId !== request.paymentAttemptId) {
      throw new Error(`refund attempt ${request.refundAttemptId} was first made for another charge`);
    }
    if (this.#delayMs > 0) await sleep(this.#delayMs);
    if (fault === 'lose_response') throw new PaymentUnavailableError('The payment provider’s answer was lost.');
    return refundOutcomeOf(record);
  }

  /** Like a processor: only a captured charge is refunded, and never beyond what it captured. */
  #refundRecordFor(request: RefundRequest): RefundRecord {
    const charge = this.#ledger.get(request.paymentAttemptId);
    if (charge?.status !== 'succeeded') throw new Error(`no captured charge ${request.paymentAttemptId} to refund`);
    const refunded = this.refunds()
      .filter((refund) => refund.paymentAttemptId === request.paymentAttemptId)
      .reduce((sum, refund) => sum + refund.amount, 0);
    if (request.currency !== charge.currency || request.amount <= 0 || refunded + request.amount > charge.amount) {
      throw new Error(`refund of ${request.amount} ${request.currency} exceeds charge ${request.paymentAttemptId}`);
    }
    return {
      status: 'refunded',
      refundId: `re_${createHash('sha256').update(request.refundAttemptId).digest('hex').slice(0, 24)}`,
      refundAttemptId: request.refundAttemptId,
      paymentAttemptId: request.paymentAttemptId,
      amount: request.amount,
      currency: request.currency,
      reason: request.reason,
      recordedAt: this.#recordedAt(),
    };
  }

  #recordedAt(): string {
    return new Date(this.#wall.ms()).toISOString();
  }

  /** An attempt's one record: a second call while the first is being written waits for it. */
  #once(id: string, make: () => LedgerRecord): Promise<LedgerRecord> {
    const known = this.#ledger.get(id);
    if (known) return Promise.resolve(known);
    let writing = this.#writing.get(id);
    if (!writing) {
      const record = make();
      // A ledger that cannot write may still have kept part of the record: the outcome is unknown.
      writing = this.#ledger.put(record).then(
        () => record,
        (error: unknown) => {
          throw new PaymentUnavailableError('The payment provider failed to record the charge.', { cause: error });
        },
      );
      this.#writing.set(id, writing);
      writing.finally(() => this.#writing.delete(id)).catch(() => {});
    }
    return writing;
  }

  #takeFault(): PaymentFault['kind'] | null {
    const fault = this.#faults[0];
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults.shift();
    return fault.kind;
  }
}

function recordFor(request: ChargeRequest, decline: CardDecline | null, recordedAt: string): ChargeRecord {
  const behaviour = decline ?? TEST_CARDS[request.paymentMethod] ?? 'card_declined';
  const common = {
    paymentAttemptId: request.paymentAttemptId,
    request: { paymentMethod: request.paymentMethod, amount: request.amount, currency: request.currency },
    recordedAt,
  };
  if (behaviour === 'success') {
    const chargeId = `ch_${createHash('sha256').update(request.paymentAttemptId).digest('hex').slice(0, 24)}`;
    return { ...common, status: 'succeeded', chargeId, amount: request.amount, currency: request.currency };
  }
  return { ...common, status: 'failed', decline: behaviour, message: DECLINE_MESSAGES[behaviour] };
}

function refundOutcomeOf(record: RefundRecord): RefundOutcome {
  const { refundId, refundAttemptId, paymentAttemptId, amount, currency } = record;
  return { status: 'refunded', refundId, refundAttemptId, paymentAttemptId, amount, currency };
}

function outcomeOf(record: ChargeRecord): ChargeOutcome {
  if (record.status === 'succeeded') {
    const { chargeId, paymentAttemptId, amount, currency } = record;
    return { status: 'succeeded', chargeId, paymentAttemptId, amount, currency };
  }
  const { decline, paymentAttemptId, message } = record;
  return { status: 'failed', decline, paymentAttemptId, message };
}

/** Like a processor's idempotency check: one key, one request; anything else is a caller's bug. */
function assertSameRequest(record: ChargeRecord, request: ChargeRequest): void {
  const { paymentMethod, amount, currency } = record.request;
  if (paymentMethod !== request.paymentMethod || amount !== request.amount || currency !== request.currency) {
    throw new Error(`payment attempt ${request.paymentAttemptId} was first made with different parameters`);
  }
}
