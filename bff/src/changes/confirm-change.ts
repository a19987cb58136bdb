import type { Instant } from '@planshift/shared/periods';
import type { Quote } from '@planshift/shared/quote';
import { currentPeriod } from '@planshift/shared/subscription';
import type { AppDeps } from '../deps';
import type { ConfirmOutcomeLabel } from '../observability/business-metrics';
import { authenticationRequired, challengeExpiry } from '../payment-challenges/challenge-view';
import { type ChargeOutcome, PaymentUnavailableError } from '../payments/payment-provider';
import { priceChange, type QuoteRefusal, sha256 } from '../quotes/price-quote';
import { readQuoteToken, type SignedQuote } from '../quotes/quote-token';
import { issueQuote, repriceQuote, staleQuote } from '../quotes/quotes';
import { notFound, type Refusal, refusal } from '../refusal';
import type { BillingState, OrderRecord, StoredResponse, UserRecord } from '../store/records';
import { changeSetFor, confirmationResponse } from './change-set';

/** Idempotency keys are kept for 24 hours of wall time at least (a replay must still find them). */
const KEY_TTL_SECONDS = 48 * 3600;

export type ConfirmInput = Readonly<{
  user: UserRecord;
  quoteId: string;
  idempotencyKey: string;
  requestHash: string;
}>;

type Priced = Readonly<{ state: BillingState; quote: Quote }>;

type ConfirmRefusal = Refusal<
  | QuoteRefusal['error']['code']
  | 'quote_stale'
  | 'quote_not_found'
  | 'quote_expired'
  | 'not_found'
  | 'no_change'
  | 'idempotency_key_reused'
  | 'idempotency_key_expired'
  | 'request_in_progress'
  | 'change_in_progress'
>;

/**
 * What confirming answered: the stored answer (also for a replay), the payment waiting for the
 * customer's authentication (202, not stored: the key's final answer comes after), or a refusal
 * that stored nothing.
 */
export type ConfirmOutcome =
  | Readonly<{ ok: true; answer: StoredResponse }>
  | ConfirmRefusal
  | Refusal<'payment_unavailable'>;

/**
 * Confirms a quote exactly once, crash-safe around the payment: claim (one transaction), charge
 * (outside the database, with an attempt id the provider deduplicates), record (one transaction).
 */
export class ChangeConfirmer {
  /** Orders this process is working on right now, by id; a pending order not in here was abandoned. */
  readonly #inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly deps: AppDeps,
    /** Called once an order ends on a subscription whose period has ended: the period-end run may go on. */
    private readonly onSettled: () => void = () => {},
  ) {}

  /**
   * Confirms once: the answer to store and replay (201, or 402/409 when the order ended without
   * the change), or a refusal that leaves nothing behind.
   */
  async confirm(input: ConfirmInput): Promise<ConfirmOutcome> {
    const outcome = await this.#confirmOnce(input);
    this.deps.metrics.confirmed(outcomeLabel(outcome));
    return outcome;
  }

  async #confirmOnce(input: ConfirmInput): Promise<ConfirmOutcome> {
    try {
      const answer = await this.#confirm(input);
      return 'error' in answer ? answer : { ok: true, answer };
    } catch (error) {
      // The outcome is unknown: the order stays pending for a retry with the same key, or recovery.
      if (error instanceof PaymentUnavailableError) {
        return refusal(
          'payment_unavailable',
          'The payment provider did not answer; retry with the same Idempotency-Key.',
        );
      }
      throw error;
    }
  }

  async #confirm(input: ConfirmInput): Promise<StoredResponse | ConfirmRefusal> {
    const { store, clock } = this.deps;
    // The instant of this request: every step of it is recorded at it.
    const now = clock.now();
    const accountId = input.user.accountId;
    const previous = await store.orders.findIdempotencyOutcome(accountId, input.idempotencyKey);
    if (previous) {
      if (previous.requestHash !== input.requestHash) return keyReused();
      if (previous.response) return previous.response;
      return this.#retryPending(previous.order, now);
    }

    // Tampered, truncated, another account's or another key's: all answer as an unknown quote.
    const record = this.deps.quoteTokens.verify(input.quoteId, accountId);
    if (!record) return refusal('quote_not_found', 'No such quote.', 'quoteId');
    if (now >= record.expiresAt)
      return refusal('quote_expired', 'The quote has expired; ask for a new one.', 'quoteId');
    const state = await store.accounts.loadBillingState(accountId);
    if (!state) return notFound('subscription');
    // The server reprices from its own state; the token only says what was shown.
    const repriced = repriceQuote(state, input.user, record);
    if (!repriced.ok) {
      return repriced.error.code === 'quote_stale' ? this.#stale(state, input.user, record, now) : repriced;
    }
    const { quote } = repriced;
    if (quote.noChange) return refusal('no_change', 'This change changes nothing.', 'quoteId', quote.noChange);

    const claim = await store.orders.claim({
      accountId,
      idempotencyKey: input.idempotencyKey,
      requestHash: input.requestHash,
      now,
      keyExpiresAt: this.deps.wall.now() + KEY_TTL_SECONDS,
      order: {
        id: crypto.randomUUID(),
        accountId,
        subscriptionId: state.subscription.id,
        quoteId: record.id,
        userId: input.user.id,
        idempotencyKey: input.idempotencyKey,
        paymentAttemptId: `pa_${sha256(`${accountId}:${input.idempotencyKey}`).slice(0, 32)}`,
        subscriptionVersion: state.version,
        // The order charges the card that is the default now, whatever becomes the default later.
        paymentMethodToken: state.account.paymentMethod?.reference ?? null,
        amount: quote.dueNow.amount,
        currency: quote.currency,
        createdAt: now,
      },
    });
    switch (claim.kind) {
      case 'claimed':
        return this.#working(claim.order, () => this.#chargeAndSettle(claim.order, { state, quote }, now));
      case 'replay':
        return claim.response;
      case 'key_reused':
        return keyReused();
      case 'in_progress':
        return this.#retryPending(claim.order, now);
      case 'stale':
        return this.#stale((await store.accounts.loadBillingState(accountId)) ?? state, input.user, record, now);
      case 'subscription_busy':
        return refusal('change_in_progress', 'Another change to this subscription is being made.');
      case 'key_expired':
        return refusal(
          'idempotency_key_expired',
          'This Idempotency-Key was used more than 48 hours ago; send a new one.',
          'Idempotency-Key',
        );
    }
  }

  /**
   * Finishes every pending order whose owner is gone (a crash, a lapsed lease), from the
   * provider's record of its attempt: applied, or refunded, or, when the provider never saw the
   * attempt, abandoned (nobody is waiting, and nothing was charged). Runs at start-up and with
   * every period-end tick; orders this process is working on are left to it.
   */
  async recoverPendingOrders(): Promise<number> {
    // One instant for the pass, as for a request.
    const at = this.deps.clock.now();
    let finished = 0;
    for (const order of await this.deps.store.orders.pending()) {
      if (this.#inFlight.has(order.id) || !(await this.deps.store.orders.takeOver(order))) continue;
      try {
        const answer = await this.#working(order, () => this.#resume(order, 'abandon_if_unseen', at));
        // A payment still waiting for the customer's bank (and not yet expired) stays pending.
        if (answer.status !== 202) finished += 1;
      } catch (error) {
        // The processor may be unreachable now: the order stays pending for the next pass (or
        // the client's retry), and the BFF still serves.
        this.deps.log.warn({ err: error, orderId: order.id }, 'order could not be finished yet');
      }
    }
    return finished;
  }

  /**
   * Gives up every order payment that waited for the customer's bank past its expiry (the test
   * clock moved): the processor cancels it, the order ends declined and lets its subscription go.
   */
  async expireChallenges(): Promise<void> {
    const at = this.deps.clock.now();
    for (const challenge of await this.deps.store.challenges.open()) {
      if (!challenge.orderId || challenge.expiresAt > at) continue;
      await this.resumeOrder(challenge.orderId, at).catch((error) =>
        this.deps.log.warn({ err: error, orderId: challenge.orderId }, 'order could not be given up yet'),
      );
    }
  }

  /**
   * Goes on with a pending order from the processor's record of its attempt (after the customer
   * answered their bank, say), after whatever this process is doing with it: the answer as it
   * ends, the payment still waiting (202), or `request_in_progress` while another process has it.
   */
  async resumeOrder(orderId: string, at: Instant): Promise<StoredResponse | Refusal<'request_in_progress'>> {
    // Being worked on here (the expiry pass, a replay): its outcome is the answer, once it has one.
    await this.#inFlight.get(orderId)?.catch(() => {});
    const order = await this.deps.store.orders.find(orderId);
    if (!order) return refusal('request_in_progress', 'This order is not pending.');
    if (order.status === 'pending') return this.#retryPending(order, at);
    const ended = await this.deps.store.orders.findIdempotencyOutcome(order.accountId, order.idempotencyKey);
    return ended?.response ?? refusal('request_in_progress', 'This order is not pending.');
  }

  async #retryPending(
    order: OrderRecord | null,
    at: Instant,
  ): Promise<StoredResponse | Refusal<'request_in_progress'>> {
    if (!order || this.#inFlight.has(order.id) || !(await this.deps.store.orders.takeOver(order))) {
      return refusal('request_in_progress', 'This request is still being processed; retry shortly.');
    }
    return this.#working(order, () => this.#resume(order, 'charge', at));
  }

  /** Marks the order as this process's work from claim to record: recovery leaves it alone meanwhile. */
  async #working<T>(order: OrderRecord, work: () => Promise<T>): Promise<T> {
    const running = work();
    this.#inFlight.set(order.id, running);
    try {
      return await running;
    } finally {
      this.#inFlight.delete(order.id);
    }
  }

  /** Resolves once every order this process is working on has ended (a QA reset waits for it). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#inFlight.values()]);
  }

  async #resume(order: OrderRecord, ifUnseen: 'charge' | 'abandon_if_unseen', at: Instant): Promise<StoredResponse> {
    if (order.amount === 0) return this.#settle(order, null, at);
    const seen = await this.deps.payments.lookup(order.paymentAttemptId);
    if (seen) return this.#settle(order, seen, at);
    const priced = await this.#priced(order);
    if (ifUnseen === 'abandon_if_unseen' || !priced) {
      // Never charged: undo the claim, so that the key starts afresh (and the stale quote is told then).
      await this.deps.store.orders.fail({ order, at, outcome: null, response: null });
      await this.#ended(order);
      return { status: 409, body: { code: 'order_abandoned', message: 'The order was never charged.', field: null } };
    }
    return this.#chargeAndSettle(order, priced, at);
  }

  async #chargeAndSettle(order: OrderRecord, priced: Priced, at: Instant): Promise<StoredResponse> {
    if (order.amount === 0) return this.#settle(order, null, at, priced);
    const card = order.paymentMethodToken ?? priced.state.account.paymentMethod?.reference;
    if (!card) return this.#declined(order, 'no_payment_method', 'There is no card on file.', at);
    const outcome = await this.deps.payments.charge({
      paymentAttemptId: order.paymentAttemptId,
      paymentMethod: card,
      amount: order.amount,
      currency: order.currency,
      description: `Subscription change ${order.id}`,
      // The customer is confirming at the portal: their bank may ask them to authenticate.
      customerPresent: true,
    });
    return this.#settle(order, outcome, at, priced);
  }

  /**
   * The payment waits for the customer to answer their bank: the order stays pending and keeps
   * the subscription; the challenge is recorded once, and given up (the processor cancels the
   * payment) once it has expired by the system clock.
   */
  async #challenged(
    order: OrderRecord,
    outcome: Extract<ChargeOutcome, { status: 'requires_action' }>,
    at: Instant,
  ): Promise<StoredResponse> {
    const challenge = await this.deps.store.challenges.recordForOrder({
      order,
      challengeId: outcome.challengeId,
      expiresAt: challengeExpiry(at),
      at,
    });
    if (!challenge) {
      // Ended meanwhile by another worker: its answer is the key's.
      const ended = await this.deps.store.orders.findIdempotencyOutcome(order.accountId, order.idempotencyKey);
      if (ended?.response) return ended.response;
      throw new Error(`order ${order.id} is neither pending nor answered`);
    }
    if (at >= challenge.expiresAt)
      return this.#settle(order, await this.deps.payments.cancel(order.paymentAttemptId), at);
    return { status: 202, body: authenticationRequired(challenge) };
  }

  /**
   * Records what the charge did: a decline changes nothing; a capture (or nothing to capture)
   * applies the change if the subscription is still the one it was priced from, and otherwise
   * returns the money. Either way the order ends and its claim is released.
   */
  async #settle(
    order: OrderRecord,
    outcome: ChargeOutcome | null,
    at: Instant,
    known?: Priced,
  ): Promise<StoredResponse> {
    if (outcome?.status === 'failed') return this.#declined(order, outcome.decline, outcome.message, at);
    if (outcome?.status === 'requires_action') return this.#challenged(order, outcome, at);
    const priced = known ?? (await this.#priced(order));
    if (priced) {
      const payment = outcome ? { chargeId: outcome.chargeId, amount: outcome.amount } : null;
      const change = changeSetFor(priced.state, priced.quote, order, payment, at);
      const result = await this.deps.store.orders.complete(change, (issued) =>
        confirmationResponse(change, priced.quote, issued),
      );
      if (result.kind === 'completed') {
        this.#settled(priced.state);
        return result.response;
      }
    }
    return this.#notApplied(order, outcome, at);
  }

  /** The change cannot be applied as priced: refund what was captured, and say so. */
  async #notApplied(order: OrderRecord, outcome: ChargeOutcome | null, at: Instant): Promise<StoredResponse> {
    const refund =
      outcome?.status === 'succeeded'
        ? await this.deps.payments.refund({
            refundAttemptId: `rf_${order.paymentAttemptId}`,
            paymentAttemptId: order.paymentAttemptId,
            amount: outcome.amount,
            currency: outcome.currency,
            reason: 'subscription_changed',
          })
        : null;
    const refunded = refund && { amount: refund.amount, currency: refund.currency };
    const response: StoredResponse = {
      status: 409,
      body: {
        code: 'change_not_applied',
        message: refund
          ? 'The subscription changed while the payment was being taken, so the change was not applied and the charge was refunded.'
          : 'The subscription changed while the order was being confirmed, so the change was not applied.',
        field: null,
        details: { orderId: order.id, refunded },
      },
    };
    await this.deps.store.orders.fail({
      order,
      at,
      outcome: { kind: 'not_applied', refundId: refund?.refundId ?? null, reason: 'subscription_changed' },
      response,
    });
    await this.#ended(order);
    return response;
  }

  async #declined(order: OrderRecord, decline: string, message: string, at: Instant): Promise<StoredResponse> {
    const response: StoredResponse = {
      status: 402,
      body: { code: 'payment_declined', message, field: null, details: { decline, orderId: order.id } },
    };
    await this.deps.store.orders.fail({
      order,
      at,
      outcome: { kind: 'declined', declineCode: decline },
      response,
    });
    await this.#ended(order);
    return response;
  }

  /** The order's quote, priced again from the subscription as it is now; null when it no longer applies. */
  async #priced(order: OrderRecord): Promise<Priced | null> {
    const { store } = this.deps;
    const [state, user] = await Promise.all([
      store.accounts.loadBillingState(order.accountId),
      store.sessions.findUser(order.userId),
    ]);
    // The order keeps the token it was claimed with, verified then: read again as it was, so that
    // a pending order is finished even by an instance whose secret has changed since.
    const record = readQuoteToken(order.quoteId, order.accountId);
    if (!record || !state || !user || state.version !== order.subscriptionVersion) return null;
    const repriced = repriceQuote(state, user, record);
    return repriced.ok && repriced.quote.dueNow.amount === order.amount ? { state, quote: repriced.quote } : null;
  }

  /** A writer that waited for this order (a period-end run that skipped it) goes on now. */
  #settled(state: BillingState | null): void {
    // Whether the period has ended by now, not by the request's instant: the clock may have moved
    // past the period end while the processor was answering, and the run skipped us then.
    if (state && currentPeriod(state.subscription).end <= this.deps.clock.now()) this.onSettled();
  }

  /** Declined, not applied or never charged, the order released its claim all the same: whoever waited goes on. */
  async #ended(order: OrderRecord): Promise<void> {
    this.#settled(await this.deps.store.accounts.loadBillingState(order.accountId));
  }

  #stale(state: BillingState, user: UserRecord, record: SignedQuote, now: Instant): Refusal<'quote_stale'> {
    const fresh = priceChange(state, user, record.request, now);
    if (!fresh.ok) return staleQuote(null, fresh.errors);
    return staleQuote(issueQuote(this.deps.quoteTokens, state, record.request, fresh.quote, now));
  }
}

function keyReused(): Refusal<'idempotency_key_reused'> {
  return refusal('idempotency_key_reused', 'This Idempotency-Key was used with another request.', 'Idempotency-Key');
}

/** How a confirmation ended, for the confirmations counter: a replay counts as the answer it replays. */
function outcomeLabel(outcome: ConfirmOutcome): ConfirmOutcomeLabel {
  if (!outcome.ok) {
    const { code } = outcome.error;
    return code === 'quote_stale' ? 'stale' : code;
  }
  const { status, body } = outcome.answer;
  if (status === 201) return 'applied';
  if (status === 202) return 'requires_action';
  if (status === 402) return 'declined';
  return (body as { code?: string }).code === 'order_abandoned' ? 'abandoned' : 'not_applied';
}
