import type { QuoteView } from '@planshift/shared/api';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import type { Instant } from '@planshift/shared/periods';
import type { Quote, QuoteError } from '@planshift/shared/quote';
import { ApiError } from '../http/api-error';
import { uuidV7 } from '../ids';
import type { BillingState, QuoteRecord, UserRecord } from '../store/records';
import type { Store } from '../store/store';
import {
  canonicalRequest,
  priceChange,
  QUOTE_TTL_SECONDS,
  quoteErrorToApiError,
  quoteFingerprint,
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

/**
 * The quote a record was made from, priced again for this user: with the fingerprint unchanged
 * the engine sees the same subscription, catalog, request and instant, so it gives the same
 * quote. Null when anything it was priced from has moved: the quote is stale.
 */
export function repriceQuote(state: BillingState, user: UserRecord, record: QuoteRecord): Quote | null {
  if (quoteFingerprint(state, record.request) !== record.fingerprint) return null;
  const repriced = priceChange(state, user, record.request, record.createdAt);
  if (!repriced.ok) throw quoteErrorToApiError(repriced.errors);
  // Same fingerprint, same engine: the amounts agree. Should they ever not (an engine change
  // between pricing and confirming), nobody is charged what they were not shown.
  return repriced.quote.dueNow.amount === record.dueNow.amount ? repriced.quote : null;
}

/** 409 `quote_stale`, with a fresh quote for the same request when one could be made. */
export function staleQuote(fresh: QuoteView | null, errors: readonly QuoteError[] = []): ApiError {
  return new ApiError(
    409,
    'quote_stale',
    'The subscription or its prices changed since this quote; ask for a new one.',
    'quoteId',
    { quote: fresh, errors },
  );
}
