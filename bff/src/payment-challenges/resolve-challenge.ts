import type { ChallengeDecision, PaymentChallengeView } from '@planshift/shared/api';
import type { ChangeConfirmer } from '../changes/confirm-change';
import type { AppDeps } from '../deps';
import { PaymentUnavailableError } from '../payments/payment-provider';
import { notFound, type Refusal, refusal } from '../refusal';
import { canManageBilling } from '../session/sessions';
import type { UserRecord } from '../store/records';
import { challengeView } from './challenge-view';
import type { InvoiceChallenges } from './invoice-challenges';

type Found = Readonly<{ ok: true; challenge: PaymentChallengeView }>;

export type ChallengeOutcome =
  | Found
  | Refusal<'no_billing_permission' | 'not_found' | 'request_in_progress' | 'payment_unavailable'>;

/** The account's challenge as it stands (the bank page shows it); another account's is not found. */
export async function findChallenge(
  deps: Pick<AppDeps, 'store'>,
  user: UserRecord,
  challengeId: string,
): Promise<Found | Refusal<'not_found'>> {
  const challenge = await deps.store.challenges.find(user.accountId, challengeId);
  return challenge ? { ok: true, challenge: challengeView(challenge) } : notFound('payment challenge');
}

/**
 * The customer's answer to their bank, from the portal's simulated bank page: passed to the
 * processor (unless the challenge expired by the system clock), then the order or the invoice
 * payment goes on at once, as a processor's notification would make it: approved, the change is
 * applied (or the invoice paid); failed or expired, nothing changes. Answers the challenge as it
 * ended; a challenge that had already ended answers as it ended, whatever the new answer.
 */
export async function resolveChallenge(
  deps: Pick<AppDeps, 'store' | 'clock' | 'payments'>,
  services: Readonly<{ confirmer: ChangeConfirmer; invoices: InvoiceChallenges }>,
  user: UserRecord,
  challengeId: string,
  decision: ChallengeDecision,
): Promise<ChallengeOutcome> {
  if (!canManageBilling(user)) {
    return refusal('no_billing_permission', 'Only owners and billing admins can make payments.');
  }
  const challenge = await deps.store.challenges.find(user.accountId, challengeId);
  if (!challenge) return notFound('payment challenge');
  if (challenge.status !== 'open') return { ok: true, challenge: challengeView(challenge) };
  const at = deps.clock.now();
  try {
    if (challenge.invoiceId) {
      return { ok: true, challenge: challengeView(await services.invoices.settle(challenge, at, decision)) };
    }
    if (!challenge.orderId) return notFound('payment challenge');
    if (at < challenge.expiresAt) await deps.payments.authenticate(challenge.paymentAttemptId, decision);
    const resumed = await services.confirmer.resumeOrder(challenge.orderId, at);
    if ('error' in resumed) return resumed;
  } catch (error) {
    // The processor's answer is unknown: the challenge stays as it was, for a retry or recovery.
    if (error instanceof PaymentUnavailableError) {
      return refusal('payment_unavailable', 'The payment provider did not answer; retry shortly.');
    }
    throw error;
  }
  const ended = await deps.store.challenges.find(user.accountId, challengeId);
  return ended ? { ok: true, challenge: challengeView(ended) } : notFound('payment challenge');
}
