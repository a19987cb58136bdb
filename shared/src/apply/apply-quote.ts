import type { Quote } from '../quote/quote';
import type { Subscription } from '../subscription/subscription';
import { withChanges } from '../subscription/subscription-items';

export type ApplyResult =
  | Readonly<{ ok: true; subscription: Subscription }>
  | Readonly<{ ok: false; reason: 'no_change' }>;

/**
 * The subscription after confirming a quote made from it: what applies now is in effect, what
 * waits is the pending change (replacing any earlier one), and the credit balance has moved.
 */
export function applyQuote(subscription: Subscription, quote: Quote): ApplyResult {
  if (quote.noChange) return { ok: false, reason: 'no_change' };
  return { ok: true, subscription: withChanges(subscription, quote.after) };
}
