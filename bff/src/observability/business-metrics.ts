import type { ApiErrorCode } from '@planshift/shared/api';

/**
 * How a confirmation ended: its answer (applied, waiting for the customer's bank, declined, not
 * applied and refunded, abandoned), or the code of the refusal it met (stale for quote_stale).
 */
export type ConfirmOutcomeLabel =
  | 'applied'
  | 'requires_action'
  | 'declined'
  | 'not_applied'
  | 'abandoned'
  | 'stale'
  | Exclude<ApiErrorCode, 'quote_stale'>;

/** What the card processor answered a charge (or a customer's authentication of one). */
export type ChargeOutcomeLabel = 'captured' | 'declined' | 'requires_action';

/**
 * The business outcomes use cases report, as a port: they know nothing of Prometheus, and a
 * test's system counts nothing (NO_METRICS). prometheus-metrics.ts counts them per process.
 */
export type BusinessMetrics = Readonly<{
  quotePriced: () => void;
  confirmed: (outcome: ConfirmOutcomeLabel) => void;
  charged: (outcome: ChargeOutcomeLabel) => void;
  refunded: () => void;
  renewed: (count: number) => void;
  collectionFailed: (count: number) => void;
}>;

export const NO_METRICS: BusinessMetrics = {
  quotePriced: () => {},
  confirmed: () => {},
  charged: () => {},
  refunded: () => {},
  renewed: () => {},
  collectionFailed: () => {},
};
