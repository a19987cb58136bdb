import type { ChangeRequest } from '@planshift/shared/eligibility';
import type { Instant } from '@planshift/shared/periods';
import type { Quote } from '@planshift/shared/quote';
import type { QuoteView } from '../api-types';
import type { BillingState, QuoteRecord } from '../store/records';
import type { Store } from '../store/store';
import { canonicalRequest, QUOTE_TTL_SECONDS, quoteFingerprint } from './price-quote';

/** Stores a priced quote under a fresh id, with its expiry and what it was priced from. */
export async function saveQuote(
  store: Store,
  state: BillingState,
  request: ChangeRequest,
  quote: Quote,
  now: Instant,
): Promise<QuoteView> {
  const record: QuoteRecord = {
    id: crypto.randomUUID(),
    accountId: state.account.id,
    subscriptionId: state.subscription.id,
    fingerprint: quoteFingerprint(state, request),
    request: canonicalRequest(request),
    quote,
    createdAt: now,
    expiresAt: now + QUOTE_TTL_SECONDS,
  };
  await store.saveQuote(record);
  return quoteView(record);
}

export function quoteView(record: QuoteRecord): QuoteView {
  return { id: record.id, expiresAt: record.expiresAt, request: record.request, quote: record.quote };
}
