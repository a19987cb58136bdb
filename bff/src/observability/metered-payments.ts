import type { ChargeOutcome, PaymentProvider } from '../payments/payment-provider';
import type { BusinessMetrics, ChargeOutcomeLabel } from './business-metrics';

const LABEL: Readonly<Record<ChargeOutcome['status'], ChargeOutcomeLabel>> = {
  succeeded: 'captured',
  failed: 'declined',
  requires_action: 'requires_action',
};

/**
 * The card processor, its answers counted: every charge the BFF makes (a confirmation, an
 * invoice paid or collected) goes through it, so the charges and refunds are counted in one
 * place whichever use case made them. A customer's answer to their bank (or its expiry) counts
 * as the capture or decline it ends in. The BFF charges an attempt only after a lookup found it
 * unseen, so a count is one answer of the processor, not a replay of one. A lookup is a read, and counts nothing.
 */
export function meteredPayments(provider: PaymentProvider, metrics: BusinessMetrics): PaymentProvider {
  const counted = (outcome: ChargeOutcome) => {
    metrics.charged(LABEL[outcome.status]);
    return outcome;
  };
  return {
    tokenize: (request) => provider.tokenize(request),
    charge: async (request) => counted(await provider.charge(request)),
    lookup: (paymentAttemptId) => provider.lookup(paymentAttemptId),
    authenticate: async (paymentAttemptId, answer) => counted(await provider.authenticate(paymentAttemptId, answer)),
    // A cancel that finds the attempt decided (approved a moment before) answers it as counted then.
    cancel: async (paymentAttemptId) => {
      const outcome = await provider.cancel(paymentAttemptId);
      if (outcome.status === 'failed') metrics.charged('declined');
      return outcome;
    },
    refund: async (request) => {
      const outcome = await provider.refund(request);
      metrics.refunded();
      return outcome;
    },
    ...(provider.reset ? { reset: async () => provider.reset?.() } : {}),
    ...(provider.close ? { close: () => provider.close?.() } : {}),
  };
}
