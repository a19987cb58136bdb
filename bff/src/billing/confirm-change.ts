import type { Quote } from '@planshift/shared/quote';
import { ApiError } from '../http/api-error';
import type { AppDeps } from '../http/app-env';
import { type ChargeOutcome, PaymentUnavailableError } from '../payments/payment-provider';
import type { BillingState, OrderRecord, QuoteRecord, StoredResponse, UserRecord } from '../store/records';
import { changeSetFor, confirmationResponse } from './change-set';
import { priceChange, sha256 } from './price-quote';
import { repriceQuote, saveQuote, staleQuote } from './quotes';

/** Idempotency keys are kept for 24 hours of wall time at least (a replay must still find them). */
const KEY_TTL_SECONDS = 48 * 3600;

export type ConfirmInput = Readonly<{
  user: UserRecord;
  quoteId: string;
  idempotencyKey: string;
  requestHash: string;
}>;

/**
 * Confirms a quote exactly once, crash-safe around the payment: claim (one transaction), charge
 * (outside the database, with an attempt id the provider deduplicates), record (one transaction).
 */
export class ChangeConfirmer {
  /** Orders this process is charging right now; a pending order not in here was abandoned. */
  readonly #inFlight = new Set<string>();

  constructor(private readonly deps: AppDeps) {}

  async confirm(input: ConfirmInput): Promise<StoredResponse> {
    const { store, clock } = this.deps;
    const accountId = input.user.accountId;
    const previous = await store.findIdempotencyOutcome(accountId, input.idempotencyKey);
    if (previous) {
      if (previous.requestHash !== input.requestHash) throw keyReused();
      if (previous.response) return previous.response;
      return this.#retryPending(previous.order);
    }

    const record = await store.findQuote(accountId, input.quoteId);
    if (!record) throw new ApiError(404, 'quote_not_found', 'No such quote.', 'quoteId');
    const now = clock.now();
    if (now >= record.expiresAt)
      throw new ApiError(409, 'quote_expired', 'The quote has expired; ask for a new one.', 'quoteId');
    const state = await store.loadBillingState(accountId);
    if (!state) throw new ApiError(404, 'not_found', 'No subscription.');
    // The server reprices from its own state; the stored record only says what was shown.
    const quote = repriceQuote(state, input.user, record);
    if (!quote) throw await this.#stale(state, input.user, record);
    if (quote.noChange) throw new ApiError(422, 'no_change', 'This change changes nothing.', 'quoteId', quote.noChange);

    const claim = await store.claimOrder({
      accountId,
      idempotencyKey: input.idempotencyKey,
      requestHash: input.requestHash,
      now,
      keyExpiresAt: Math.floor(Date.now() / 1000) + KEY_TTL_SECONDS,
      order: {
        id: crypto.randomUUID(),
        accountId,
        subscriptionId: state.subscription.id,
        quoteId: record.id,
        userId: input.user.id,
        idempotencyKey: input.idempotencyKey,
        paymentAttemptId: `pa_${sha256(`${accountId}:${input.idempotencyKey}`).slice(0, 32)}`,
        subscriptionVersion: state.version,
        amount: quote.dueNow.amount,
        currency: quote.currency,
        createdAt: now,
      },
    });
    switch (claim.kind) {
      case 'claimed':
        return this.#chargeAndRecord(claim.order, state, quote);
      case 'replay':
        return claim.response;
      case 'key_reused':
        throw keyReused();
      case 'in_progress':
        return this.#retryPending(claim.order);
      case 'stale':
        throw await this.#stale((await store.loadBillingState(accountId)) ?? state, input.user, record);
      case 'subscription_busy':
        throw new ApiError(409, 'change_in_progress', 'Another change to this subscription is being confirmed.');
    }
  }

  /**
   * Finishes every order left pending by a crash, from the provider's record of its attempt. An
   * attempt the provider never saw is abandoned: nobody is waiting, and nothing was charged.
   */
  async recoverPendingOrders(): Promise<number> {
    let finished = 0;
    for (const order of await this.deps.store.pendingOrders()) {
      if (this.#inFlight.has(order.id)) continue;
      try {
        await this.#resume(order, 'abandon_if_unseen');
        finished += 1;
      } catch (error) {
        // The processor may be unreachable now: the order stays pending for the next attempt
        // (a client's retry, or the next start-up), and the BFF still serves.
        console.error(`order ${order.id} could not be finished yet`, error);
      }
    }
    return finished;
  }

  async #retryPending(order: OrderRecord | null): Promise<StoredResponse> {
    if (!order || this.#inFlight.has(order.id)) {
      throw new ApiError(409, 'request_in_progress', 'This request is still being processed; retry shortly.');
    }
    return this.#resume(order, 'charge');
  }

  async #resume(order: OrderRecord, ifUnseen: 'charge' | 'abandon_if_unseen'): Promise<StoredResponse> {
    const { store } = this.deps;
    const record = await store.findQuoteById(order.quoteId);
    const state = await store.loadBillingState(order.accountId);
    const user = await store.findUser(order.userId);
    if (!record || !state || !user) throw new Error(`order ${order.id} lost its quote, account or user`);
    const quote = repriceQuote(state, user, record);
    if (quote?.dueNow.amount !== order.amount) throw new Error(`order ${order.id} no longer reprices to its amount`);
    if (order.amount > 0) {
      const seen = await this.#guard(order, () => this.deps.payments.lookup(order.paymentAttemptId));
      if (seen) return this.#record(order, state, quote, seen);
      if (ifUnseen === 'abandon_if_unseen') {
        await store.failOrder({ order, at: this.deps.clock.now(), payment: null, response: null });
        return { status: 409, body: { code: 'order_abandoned', message: 'The order was never charged.', field: null } };
      }
    }
    return this.#chargeAndRecord(order, state, quote);
  }

  async #chargeAndRecord(order: OrderRecord, state: BillingState, quote: Quote) {
    if (order.amount === 0) return this.#record(order, state, quote, null);
    const method = state.account.paymentMethod;
    if (!method) {
      const response = declined(order, 'no_payment_method', 'There is no card on file.');
      await this.deps.store.failOrder({
        order,
        at: this.deps.clock.now(),
        payment: { declineCode: 'no_payment_method' },
        response,
      });
      return response;
    }
    const outcome = await this.#guard(order, () =>
      this.deps.payments.charge({
        paymentAttemptId: order.paymentAttemptId,
        paymentMethod: method.reference,
        amount: order.amount,
        currency: order.currency,
        description: `Subscription change ${order.id}`,
      }),
    );
    return this.#record(order, state, quote, outcome);
  }

  async #record(order: OrderRecord, state: BillingState, quote: Quote, outcome: ChargeOutcome | null) {
    const at = this.deps.clock.now();
    if (outcome?.status === 'failed') {
      const response = declined(order, outcome.decline, outcome.message);
      await this.deps.store.failOrder({ order, at, payment: { declineCode: outcome.decline }, response });
      return response;
    }
    const payment = outcome ? { chargeId: outcome.chargeId, amount: outcome.amount } : null;
    const change = changeSetFor(state, quote, order, payment, at);
    return this.deps.store.completeOrder(change, (issued) => confirmationResponse(change, quote, issued));
  }

  /** Marks the order in flight while the provider is called; an unknown outcome leaves it pending for a retry. */
  async #guard<T>(order: OrderRecord, call: () => Promise<T>): Promise<T> {
    this.#inFlight.add(order.id);
    try {
      return await call();
    } catch (error) {
      if (error instanceof PaymentUnavailableError) {
        throw new ApiError(
          503,
          'payment_unavailable',
          'The payment provider did not answer; retry with the same Idempotency-Key.',
        );
      }
      throw error;
    } finally {
      this.#inFlight.delete(order.id);
    }
  }

  async #stale(state: BillingState, user: UserRecord, record: QuoteRecord): Promise<ApiError> {
    const now = this.deps.clock.now();
    const fresh = priceChange(state, user, record.request, now);
    if (!fresh.ok) return staleQuote(null, fresh.errors);
    return staleQuote(await saveQuote(this.deps.store, state, record.request, fresh.quote, now));
  }
}

function keyReused() {
  return new ApiError(
    422,
    'idempotency_key_reused',
    'This Idempotency-Key was used with another request.',
    'Idempotency-Key',
  );
}

function declined(order: OrderRecord, decline: string, message: string): StoredResponse {
  return {
    status: 402,
    body: { code: 'payment_declined', message, field: null, details: { decline, orderId: order.id } },
  };
}
