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
  /** The write under way for each key: later writes of that key (an attempt's outcome after its challenge) queue behind it. */
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

  /** Forgets every charge, card and fault: a QA reset starts a new world, processor included. */
  reset(): void {
    this.#ledger.clear();
    this.clearFaults();
  }

  /** Every charge attempt as the processor holds it now, one per attempt id. */
  charges(): ChargeOutcome[] {
    return this.#ledger.all().filter(isCharge).map(outcomeOf);
  }

  /** Every refund the processor made, one per refund attempt id. */
  refunds(): RefundOutcome[] {
    return this.#ledger
      .all()
      .filter((record) => record.status === 'refunded')
      .map(refundOutcomeOf);
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
    await this.#write(record.token, () => record);
    const { status: _, behaviour: __, recordedAt: ___, ...tokenized } = record;
    return { ok: true, card: tokenized };
  }

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
      throw new RangeError(`amount must be a positive integer of minor units, not ${request.amount}`);
    }
    const fault = this.#takeFault();
    if (fault === 'fail_before_charge') throw new PaymentUnavailableError('The payment provider could not be reached.');

    const record = await this.#once(request.paymentAttemptId, () =>
      recordFor(request, fault === 'decline' ? 'insufficient_funds' : this.#behaviourOf(request), this.#recordedAt()),
    );
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
    const record = this.#ledger.get(paymentAttemptId);
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
    const record = await this.#once(request.refundAttemptId, () => this.#refundRecordFor(request));
    if (record.status !== 'refunded' || record.paymentAttemptId !== request.paymentAttemptId) {
      throw new Error(`refund attempt ${request.refundAttemptId} was first made for another charge`);
    }
    if (this.#delayMs > 0) await sleep(this.#delayMs);
    if (fault === 'lose_response') throw new PaymentUnavailableError('The payment provider’s answer was lost.');
    return refundOutcomeOf(record);
  }

  /** A card's behaviour by its token: a ready-made test token, a card in the vault, or an unknown one (declined). */
  #behaviourOf(request: ChargeRequest): CardBehaviour | null {
    const testCard = TEST_TOKENS[request.paymentMethod];
    if (testCard) return behaviourOf(testCard);
    const vaulted = this.#ledger.get(request.paymentMethod);
    return vaulted?.status === 'vaulted' ? vaulted.behaviour : null;
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

  /** An attempt's first record: a second call while the first is being written waits for it. */
  #once(id: string, make: () => LedgerRecord): Promise<LedgerRecord> {
    const known = this.#ledger.get(id);
    if (known) return Promise.resolve(known);
    return this.#writing.get(id) ?? this.#write(id, make);
  }

  /**
   * Ends an attempt waiting for authentication as `decide` says, once: an attempt already decided
   * (or never waiting) answers as it stands. Queued behind any write of the same attempt, so an
   * approval and a cancellation racing each other are decided in turn, the second seeing the first.
   */
  async #decide(paymentAttemptId: string, decide: (waiting: ChargeRecord) => ChargeRecord): Promise<ChargeOutcome> {
    const record = await this.#write(paymentAttemptId, (current) => {
      if (!current || !isCharge(current)) throw new Error(`no payment attempt ${paymentAttemptId}`);
      return current.status === 'requires_action' ? decide(current) : null;
    });
    if (!isCharge(record)) throw new Error(`${paymentAttemptId} is not a charge's id`);
    if (this.#delayMs > 0) await sleep(this.#delayMs);
    return outcomeOf(record);
  }

  /**
   * Writes a key's next record, after whatever write of that key is under way; `make` sees the
   * key's current record and answers null to leave it as it is. Resolves once the record is durable.
   */
  #write(id: string, make: (current: LedgerRecord | null) => LedgerRecord | null): Promise<LedgerRecord> {
    const step = async (): Promise<LedgerRecord> => {
      const current = this.#ledger.get(id);
      const record = make(current);
      if (!record) return current as LedgerRecord;
      // A ledger that cannot write may still have kept part of the record: the outcome is unknown.
      await this.#ledger.put(record).catch((error: unknown) => {
        throw new PaymentUnavailableError('The payment provider failed to record the charge.', { cause: error });
      });
      return record;
    };
    const before = this.#writing.get(id);
    // Nothing under way: the write starts now, so that a lookup made right after it waits for it.
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
