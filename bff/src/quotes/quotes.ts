import type { QuoteView } from '@planshift/shared/api';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import type { Instant } from '@planshift/shared/periods';
import type { Quote, QuoteError } from '@planshift/shared/quote';
import { type Refusal, refusal } from '../refusal';
import type { BillingState, UserRecord } from '../store/records';
import {
  canonicalRequest,
  catalogVersion,
  priceChange,
  QUOTE_TTL_SECONDS,
  type QuoteRefusal,
  quoteRefusal,
} from './price-quote';
import type { QuoteTokens, SignedQuote } from './quote-token';

/**
 * A priced quote under its id: a token signed with what it was priced from and its expiry
 * (docs/decisions/024). Nothing is written: any instance with the same secret honours it.
 */
export function issueQuote(
  tokens: QuoteTokens,
  state: BillingState,
  request: ChangeRequest,
  quote: Quote,
  now: Instant,
): QuoteView {
  const signed = tokens.sign(state.account.id, {
    subscriptionId: state.subscription.id,
    subscriptionVersion: state.version,
    catalog: catalogVersion(state),
    request: canonicalRequest(request),
    quotedAt: now,
    expiresAt: now + QUOTE_TTL_SECONDS,
    dueNow: quote.dueNow,
  });
  return quoteView(signed, quote);
}

export function quoteView(signed: SignedQuote, quote: Quote): QuoteView {
  return { id: signed.id, expiresAt: signed.expiresAt, request: signed.request, quote };
}

/** A signed quote priced again: the same quote, or why it cannot be honoured. */
export type Repriced = Readonly<{ ok: true; quote: Quote }> | QuoteRefusal | Refusal<'quote_stale'>;

/**
 * The quote a token was made from, priced again for this user: with the subscription, its
 * version and the catalog version unchanged the engine sees the same state, request and instant,
 * so it gives the same quote. `quote_stale` when anything it was priced from has moved.
 */
export function repriceQuote(state: BillingState, user: UserRecord, signed: SignedQuote): Repriced {
  const unmoved =
    signed.subscriptionId === state.subscription.id &&
    signed.subscriptionVersion === state.version &&
    signed.catalog === catalogVersion(state);
  if (!unmoved) return staleQuote(null);
  const repriced = priceChange(state, user, signed.request, signed.quotedAt);
  if (!repriced.ok) return quoteRefusal(repriced.errors);
  // Same state, same engine: the amounts agree. Should they ever not (an engine change between
  // pricing and confirming), nobody is charged what they were not shown.
  const { dueNow } = repriced.quote;
  return dueNow.amount === signed.dueNow.amount && dueNow.currency === signed.dueNow.currency
    ? repriced
    : staleQuote(null);
}

/** `quote_stale`, with a fresh quote for the same request when one could be made. */
export function staleQuote(fresh: QuoteView | null, errors: readonly QuoteError[] = []): Refusal<'quote_stale'> {
  return refusal(
    'quote_stale',
    'The subscription or its prices changed since this quote; ask for a new one.',
    'quoteId',
    { quote: fresh, errors },
  );
}
