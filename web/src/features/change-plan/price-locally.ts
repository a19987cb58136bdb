import type { OptionsView } from '@planshift/shared/api';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import type { Instant } from '@planshift/shared/periods';
import { type QuoteResult, quoteChange } from '@planshift/shared/quote';

/** The name of the User Timing measure around each live recompute (read by the e2e performance check). */
export const LIVE_QUOTE_MEASURE = 'planshift:live-quote';

/** The engine's quote for a request at an instant, from the catalog and subscription the options carry. */
export function priceLocally(options: OptionsView, request: ChangeRequest, now: Instant): QuoteResult {
  return quoteChange({
    catalog: options.catalog,
    subscription: options.subscription,
    actor: options.actor,
    request,
    now,
  });
}

/** The same, timed with the Performance API under `name`, so its cost can be read in the browser. */
export function priceLocallyTimed(
  options: OptionsView,
  request: ChangeRequest,
  now: Instant,
  name = LIVE_QUOTE_MEASURE,
): QuoteResult {
  const start = performance.now();
  const result = priceLocally(options, request, now);
  performance.measure(name, { start, end: performance.now() });
  return result;
}
