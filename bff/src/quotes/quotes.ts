import type { QuoteView } from '@planshift/shared/api';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import type { Instant } from '@planshift/shared/periods';
import type { Quote, QuoteError } from '@planshift/shared/quote';
import { uuidV7 } from '../ids';
import { type Refusal, refusal } from '../refusal';
import type { BillingState, QuoteRecord, UserRecord } from '../store/records';
import type { Store } from '../store/store';
import {
  canonicalRequest,
  priceChange,
  QUOTE_TTL_SECONDS,
  type QuoteRefusal,
  quoteFingerprint,
  quoteRefusal,
} from './price-quote';

/** Stores a priced quote under a fresh id, with its expiry and what it was priced from. */
export async function saveQuote(
  store: Store,
  state: BillingState,
  request: ChangeRequest,
  quote: Quote,
  now: Instant,
): Promise<QuoteView> {
  const record: QuoteRecord = {
    id: uuidV7(),
    accountId: state.account.id,
    subscriptionId: state.subscription.id,
    fingerprint: quoteFingerprint(state, request),
    request: canonicalRequest(request),
    dueNow: quote.dueNow,
    createdAt: now,
    expiresAt: now + QUOTE_TTL_SECONDS,
  };
  await store.quotes.save(record);
  return quoteView(record, quote);
}

export function quoteView(record: QuoteRecord, quote: Quote): QuoteView {
  return { id: record.id, expiresAt: record.expiresAt, request: record.request, quote };
}

/** A stored quote priced again: the same quote, or why it cannot be honoured. */
export type Repriced = Readonly<{ ok: true; quote: Quote }> | QuoteRefusal | Refusal<'quote_stale'>;

/**
 * The quote a record was made from, priced again for this user: with the fingerprint unchanged
 * the engine sees the same subscription, catalog, request and instant, so it gives the same
 * quote. `quote_stale` when anything it was priced from has moved.
 */
export function repriceQuote(state: BillingState, user: UserRecord, record: QuoteRecord): Repriced {
  if (quoteFingerprint(state, record.request) !== record.fingerprint) return staleQuote(null);
  const repriced = priceChange(state, user, record.request, record.createdAt);
  if (!repriced.ok) return quoteRefusal(repriced.errors);
  // Same fingerprint, same engine: the amounts agree. Should they ever not (an engine change
  // between pricing and confirming), nobody is charged what they were not shown.
  return repriced.quote.dueNow.amount === record.dueNow.amount ? repriced : staleQuote(null);
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
