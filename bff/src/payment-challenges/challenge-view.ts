import type { AuthenticationRequiredView, PaymentChallengeView } from '@planshift/shared/api';
import { money } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import type { PaymentChallengeRecord } from '../store/records';

/**
 * How long the customer has to answer their bank, by the system clock: then the payment is given
 * up (nothing captured, nothing changed) and the subscription is free again. Long enough to find
 * a phone and open the bank's app; shorter than a quote's 30 minutes, so an approved change is
 * still priced as shown.
 */
export const CHALLENGE_SECONDS = 15 * 60;

export const challengeExpiry = (at: Instant): Instant => at + CHALLENGE_SECONDS;

/** The portal's page of the (simulated) bank that asks the customer. */
export const challengeUrl = (challengeId: string): string => `/bank/challenges/${encodeURIComponent(challengeId)}`;

export function challengeView(challenge: PaymentChallengeRecord): PaymentChallengeView {
  return {
    id: challenge.id,
    url: challengeUrl(challenge.id),
    status: challenge.status,
    purpose: challenge.orderId ? 'change' : 'invoice',
    invoiceId: challenge.invoiceId,
    amount: money(challenge.amount, challenge.currency),
    card: challenge.card,
    merchant: challenge.merchant,
    expiresAt: challenge.expiresAt,
  };
}

/** The 202 answer of a confirm or a pay that waits for the customer's authentication. */
export const authenticationRequired = (challenge: PaymentChallengeRecord): AuthenticationRequiredView => ({
  status: 'requires_action',
  challenge: challengeView(challenge),
});
