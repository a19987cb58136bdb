import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkCard } from '@planshift/shared/payment-card';
import { systemWallClock, type WallClock } from '../clock';
import {
  type CardRecord,
  type ChargeLedger,
  type ChargeRecord,
  InMemoryChargeLedger,
  isCharge,
  type LedgerRecord,
  type RefundRecord,
} from './charge-ledger';
import {
  type CardDecline,
  type ChallengeAnswer,
  type ChargeOutcome,
  type ChargeRequest,
  type PaymentProvider,
  PaymentUnavailableError,
  type RefundOutcome,
  type RefundRequest,
  type TokenizeOutcome,
  type TokenizeRequest,
} from './payment-provider';
import { behaviourOf, type CardBehaviour, DECLINE_MESSAGES, TEST_TOKENS } from './test-cards';

export { TEST_CARDS, TEST_TOKENS, testTokenFor } from './test-cards';

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
 * A card processor's test mode: deterministic outcomes by card, its own idempotency by attempt
 * id, a vault of tokenized cards, the bank's authentication step for the cards that ask for it,
 * and faults on demand, so that every path of the confirm flow can be exercised.
 */
export class SimulatedPaymentProvider implements PaymentProvider {
  readonly #ledger: ChargeLedger;
  #delayMs: number;
  readonly #wall: WallClock;
  #faults: { kind: PaymentFault['kind']; remaining: number }[] = [];
  /** This instance's write under way for each key: a lookup of that key, and its later writes, wait for it. */
  readonly #writing = new Map<string, Promise<LedgerRecord>>();

  constructor(options: SimulatedProviderOptions = {}) {
    this.#ledger = unavailableOnFailure(options.ledger ?? new InMemoryChargeLedger());
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

  /** Forgets every charge, card and fault: a QA reset starts a new world, processor included. */
  async reset(): Promise<void> {
    this.clearFaults();
    await this.#ledger.clear();
  }

  /** Lets go of the ledger's connection. */
  close(): void {
    this.#ledger.close();
  }

  /** Every charge attempt as the processor holds it now, one per attempt id. */
  async charges(): Promise<ChargeOutcome[]> {
    return (await this.#ledger.all()).filter(isCharge).map(outcomeOf);
  }

  /** Every refund the processor made, one per refund attempt id. */
  async refunds(): Promise<RefundOutcome[]> {
    return (await this.#ledger.all()).filter((record) => record.status === 'refunded').map(refundOutcomeOf);
  }

  async tokenize(request: TokenizeRequest): Promise<TokenizeOutcome> {
    if (this.#takeFault() === 'fail_before_charge') {
      throw new PaymentUnavailableError('The payment provider could not be reached.');
    }
    const checked = checkCard(request, request.validAt);
    if (!checked.ok) return checked;
    const { number, ...card } = checked.card;
    const record: CardRecord = {
      status: 'vaulted',
      token: `pm_${randomBytes(12).toString('hex')}`,
      behaviour: behaviourOf(number),
      ...card,
      recordedAt: this.#recordedAt(),
    };
    await this.#write(record.token, () => this.#ledger.add(record));
    const { status: _, behaviour: __, recordedAt: ___, ...tokenized } = record;
    return { ok: true, card: tokenized };
  }

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
      throw new RangeError(`amount must be a positive integer of minor units, not ${request.amount}`);
    }
    const fault = this.#takeFault();
    if (fault === 'fail_before_charge') throw new PaymentUnavailableError('The payment provider could not be reached.');

    const record = await this.#write(request.paymentAttemptId, async () => {
      const known = await this.#ledger.get(request.paymentAttemptId);
      if (known) return known;
      const behaviour = fault === 'decline' ? 'insufficient_funds' : await this.#behaviourOf(request);
      // Another instance may record the attempt first: the ledger keeps the first, and answers it.
      return this.#ledger.add(recordFor(request, behaviour, this.#recordedAt()));
    });
    if (!isCharge(record)) throw new Error(`${request.paymentAttemptId} is not a charge's id`);
    assertSameRequest(record, request);
    const outcome = outcomeOf(record);
    if (this.#delayMs > 0) await sleep(this.#delayMs);
    if (fault === 'lose_response') throw new PaymentUnavailableError('The payment provider’s answer was lost.');
    return outcome;
  }

  async lookup(paymentAttemptId: string): Promise<ChargeOutcome | null> {
    // A lookup racing the attempt's first charge (or its challenge's answer) answers once that is
    // recorded, not before: null tells the caller the attempt never happened and may be abandoned.
    await this.#writing.get(paymentAttemptId)?.catch(() => {});
    const record = await this.#ledger.get(paymentAttemptId);
    return record && isCharge(record) ? outcomeOf(record) : null;
  }

  async authenticate(paymentAttemptId: string, answer: ChallengeAnswer): Promise<ChargeOutcome> {
    return this.#decide(paymentAttemptId, (waiting) =>
      answer === 'approve'
        ? captured(waiting, this.#recordedAt())
        : refused(waiting, 'authentication_failed', this.#recordedAt()),
    );
  }

  async cancel(paymentAttemptId: string): Promise<ChargeOutcome> {
    const fault = this.#takeFault();
    if (fault === 'fail_before_charge') throw new PaymentUnavailableError('The payment provider could not be reached.');
    const outcome = await this.#decide(paymentAttemptId, (waiting) =>
      refused(waiting, 'authentication_expired', this.#recordedAt()),
    );
    if (fault === 'lose_response') throw new PaymentUnavailableError('The payment provider’s answer was lost.');
    return outcome;
  }

  async refund(request: RefundRequest): Promise<RefundOutcome> {
    const fault = this.#takeFault();
    if (fault === 'fail_before_charge') throw new PaymentUnavailableError('The payment provider could not be reached.');
    await this.#writing.get(request.paymentAttemptId)?.catch(() => {});
    const record = await this.#write(request.refundAttemptId, async () => {
      const known = await this.#ledger.get(request.refundAttemptId);
      return known ?? this.#ledger.add(await this.#refundRecordFor(request));
    });
    if (record.status !== 'refunded' || record.paymentAttemptId !== request.paymentAttemptId) {
      throw new Error(`refund attempt ${request.refundAttemptId} was first made for another charge`);
    }
    if (this.#delayMs > 0) await sleep(this.#delayMs);
    if (fault === 'lose_response') throw new PaymentUnavailableError('The payment provider’s answer was lost.');
    return refundOutcomeOf(record);
  }

  /** A card's behaviour by its token: a ready-made test token, a card in the vault, or an unknown one (declined). */
  async #behaviourOf(request: ChargeRequest): Promise<CardBehaviour | null> {
    const testCard = TEST_TOKENS[request.paymentMethod];
    if (testCard) return behaviourOf(testCard);
    const vaulted = await this.#ledger.get(request.paymentMethod);
    return vaulted?.status === 'vaulted' ? vaulted.behaviour : null;
  }

  /** Like a processor: only a captured charge is refunded, and never beyond what it captured. */
  async #refundRecordFor(request: RefundRequest): Promise<RefundRecord> {
    const charge = await this.#ledger.get(request.paymentAttemptId);
    if (charge?.status !== 'succeeded') throw new Error(`no captured charge ${request.paymentAttemptId} to refund`);
    const refunded = (await this.#ledger.refundsOf(request.paymentAttemptId)).reduce(
      (sum, refund) => sum + refund.amount,
      0,
    );
    if (request.currency !== charge.currency || request.amount <= 0 || refunded + request.amount > charge.amount) {
      throw new Error(`refund of ${request.amount} ${request.currency} exceeds charge ${request.paymentAttemptId}`);
    }
    return {
      status: 'refunded',
      refundId: `re_${digest(request.refundAttemptId)}`,
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

  /**
   * Ends an attempt waiting for authentication as `decide` says, once: an attempt already decided
   * (by this instance or another) or never waiting answers as it stands. The ledger applies an
   * outcome only while the attempt still waits, so an approval and a cancellation racing each
   * other are decided once, both answered with the one that won.
   */
  async #decide(paymentAttemptId: string, decide: (waiting: ChargeRecord) => ChargeRecord): Promise<ChargeOutcome> {
    const record = await this.#write(paymentAttemptId, async () => {
      const current = await this.#ledger.get(paymentAttemptId);
      if (!current || !isCharge(current)) throw new Error(`no payment attempt ${paymentAttemptId}`);
      if (current.status !== 'requires_action') return current;
      return (await this.#ledger.decide(decide(current))) ?? current;
    });
    if (!isCharge(record)) throw new Error(`${paymentAttemptId} is not a charge's id`);
    if (this.#delayMs > 0) await sleep(this.#delayMs);
    return outcomeOf(record);
  }

  /**
   * Runs a write of a key after whatever write of that key this instance has under way, and
   * answers the key's record as the ledger then holds it. Registered before anything is awaited,
   * so that a lookup made right after the write began waits for it.
   */
  #write(id: string, step: () => Promise<LedgerRecord>): Promise<LedgerRecord> {
    const before = this.#writing.get(id);
    const writing = before ? before.catch(() => {}).then(step) : step();
    this.#writing.set(id, writing);
    writing
      .finally(() => {
        if (this.#writing.get(id) === writing) this.#writing.delete(id);
      })
      .catch(() => {});
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

/**
 * The ledger as the processor's callers meet it: a ledger that fails to read or write may still
 * have kept the record, so the outcome is unknown (PaymentUnavailableError), as a processor that
 * does not answer.
 */
function unavailableOnFailure(ledger: ChargeLedger): ChargeLedger {
  const guard =
    <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await work(...args);
      } catch (error) {
        throw new PaymentUnavailableError('The payment provider failed to read or record the attempt.', {
          cause: error,
        });
      }
    };
  return {
    get: guard((key) => ledger.get(key)),
    add: guard((record) => ledger.add(record)),
    decide: guard((outcome) => ledger.decide(outcome)),
    refundsOf: guard((paymentAttemptId) => ledger.refundsOf(paymentAttemptId)),
    all: guard(() => ledger.all()),
    clear: guard(() => ledger.clear()),
    close: () => ledger.close(),
  };
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);

function recordFor(request: ChargeRequest, behaviour: CardBehaviour | null, recordedAt: string): ChargeRecord {
  const common = {
    paymentAttemptId: request.paymentAttemptId,
    request: { paymentMethod: request.paymentMethod, amount: request.amount, currency: request.currency },
    amount: request.amount,
    currency: request.currency,
    recordedAt,
  };
  if (behaviour === 'authentication_required' && request.customerPresent) {
    return { ...common, status: 'requires_action', challengeId: `chl_${digest(request.paymentAttemptId)}` };
  }
  if (behaviour === 'success' || behaviour === 'authentication_required') {
    return { ...common, status: 'succeeded', chargeId: `ch_${digest(request.paymentAttemptId)}` };
  }
  const decline = behaviour ?? 'card_declined';
  const { amount: _, currency: __, ...rest } = common;
  return {
    ...rest,
    status: 'failed',
    decline,
    message: behaviour ? DECLINE_MESSAGES[decline] : 'Your card was declined: no such card on file.',
  };
}

/** An approved challenge: the waiting attempt captured, with the charge id it would have had at once. */
function captured(waiting: ChargeRecord, recordedAt: string): ChargeRecord {
  if (waiting.status !== 'requires_action') return waiting;
  const { challengeId: _, ...rest } = waiting;
  return { ...rest, status: 'succeeded', chargeId: `ch_${digest(waiting.paymentAttemptId)}`, recordedAt };
}

function refused(waiting: ChargeRecord, decline: CardDecline, recordedAt: string): ChargeRecord {
  if (waiting.status !== 'requires_action') return waiting;
  const { paymentAttemptId, request } = waiting;
  return { status: 'failed', decline, message: DECLINE_MESSAGES[decline], paymentAttemptId, request, recordedAt };
}

function refundOutcomeOf(record: RefundRecord): RefundOutcome {
  const { refundId, refundAttemptId, paymentAttemptId, amount, currency } = record;
  return { status: 'refunded', refundId, refundAttemptId, paymentAttemptId, amount, currency };
}

function outcomeOf(record: ChargeRecord): ChargeOutcome {
  switch (record.status) {
    case 'succeeded': {
      const { chargeId, paymentAttemptId, amount, currency } = record;
      return { status: 'succeeded', chargeId, paymentAttemptId, amount, currency };
    }
    case 'requires_action': {
      const { challengeId, paymentAttemptId, amount, currency } = record;
      return { status: 'requires_action', challengeId, paymentAttemptId, amount, currency };
    }
    case 'failed': {
      const { decline, paymentAttemptId, message } = record;
      return { status: 'failed', decline, paymentAttemptId, message };
    }
  }
}

/** Like a processor's idempotency check: one key, one request; anything else is a caller's bug. */
function assertSameRequest(record: ChargeRecord, request: ChargeRequest): void {
  const { paymentMethod, amount, currency } = record.request;
  if (paymentMethod !== request.paymentMethod || amount !== request.amount || currency !== request.currency) {
    throw new Error(`payment attempt ${request.paymentAttemptId} was first made with different parameters`);
  }
}
