import type { Instant } from '../periods/instant';

/** A request as the rule for repeats compares it. */
export type SalesRequestFacts = Readonly<{
  planId: string;
  seats: number;
  message: string;
  contactEmail: string;
  createdAt: Instant;
}>;

/** How long a request counts as recent: a repeat within it is the same request, and it counts towards the limit. */
export const SALES_REQUEST_WINDOW_SECONDS = 24 * 60 * 60;
/** New requests an account may send sales in that window. */
export const SALES_REQUESTS_PER_WINDOW = 3;

export type SalesRequestDecision<R extends SalesRequestFacts> =
  | Readonly<{ kind: 'new' }>
  | Readonly<{ kind: 'repeat'; request: R }>
  | Readonly<{ kind: 'throttled'; retryAt: Instant }>;

/**
 * What a request for sales is, given the account's recent ones: the same as one sent in the last
 * 24 hours (a double click, a resend) is that one, not another e-mail to sales; beyond three new
 * ones in 24 hours the account waits until the oldest of them is a day old.
 */
export function decideSalesRequest<R extends SalesRequestFacts>(
  recent: readonly R[],
  wanted: Omit<SalesRequestFacts, 'createdAt'>,
  now: Instant,
): SalesRequestDecision<R> {
  const inWindow = recent
    .filter((r) => r.createdAt > now - SALES_REQUEST_WINDOW_SECONDS && r.createdAt <= now)
    .sort((a, b) => a.createdAt - b.createdAt);
  const same = inWindow.findLast(
    (r) =>
      r.planId === wanted.planId &&
      r.seats === wanted.seats &&
      r.message === wanted.message &&
      r.contactEmail.toLowerCase() === wanted.contactEmail.toLowerCase(),
  );
  if (same) return { kind: 'repeat', request: same };
  if (inWindow.length >= SALES_REQUESTS_PER_WINDOW) {
    const oldest = inWindow[inWindow.length - SALES_REQUESTS_PER_WINDOW] as R;
    return { kind: 'throttled', retryAt: oldest.createdAt + SALES_REQUEST_WINDOW_SECONDS };
  }
  return { kind: 'new' };
}
