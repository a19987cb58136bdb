import type { AuthenticationRequiredView, InvoicePaymentView } from '@planshift/shared/api';
import { documentSummary } from '../account/account-view';
import type { BillingRun } from '../billing/billing-run';
import type { AppDeps } from '../deps';
import { authenticationRequired } from '../payment-challenges/challenge-view';
import type { InvoiceChallenges } from '../payment-challenges/invoice-challenges';
import { notFound, type Refusal, refusal } from '../refusal';
import { canManageBilling } from '../session/sessions';
import type { UserRecord } from '../store/records';

export type PayOutcome =
  | Readonly<{ ok: true; payment: InvoicePaymentView }>
  /** The card's bank asks the customer to authenticate: nothing is paid until they answer. */
  | Readonly<{ ok: true; authentication: AuthenticationRequiredView }>
  | Refusal<
      | 'no_billing_permission'
      | 'not_found'
      | 'invoice_already_paid'
      | 'change_in_progress'
      | 'payment_unavailable'
      | 'payment_declined'
    >;

/**
 * Charges the card on file for what is still due on an open invoice, holding its subscription's
 * claim across the charge (decision 006); a paid invoice makes a past-due subscription active.
 * A card whose bank asks for authentication answers the challenge, and keeps answering it (the
 * payment is not made twice) until the customer has answered their bank or it expired.
 */
export async function payInvoice(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  billing: BillingRun,
  challenges: InvoiceChallenges,
  user: UserRecord,
  invoiceId: string,
): Promise<PayOutcome> {
  if (!canManageBilling(user)) {
    return refusal('no_billing_permission', 'Only owners and billing admins can pay invoices.');
  }
  const now = deps.clock.now();
  const open = await deps.store.challenges.openForInvoice(user.accountId, invoiceId);
  if (open) {
    // Asked again while the bank waits: the same challenge (ended first if it expired or was answered).
    const current = await challenges.settle(open, now);
    if (current.status === 'open') return { ok: true, authentication: authenticationRequired(current) };
  }
  const due = await deps.store.collections.findOpenInvoice(user.accountId, invoiceId);
  if (!due) return notFound('invoice');
  if (due.amount <= 0) return refusal('invoice_already_paid', 'This invoice is already paid.');
  const claim = await deps.store.collections.claim([due]);
  if (claim.dues.length === 0) {
    return refusal('change_in_progress', 'Another change to this subscription is being made.');
  }
  const collected = await billing.collectClaimed(claim, now, true);
  const [waiting] = collected.challenges;
  if (waiting) return { ok: true, authentication: authenticationRequired(waiting) };
  billing.resumeAfter(await deps.store.accounts.loadBillingState(user.accountId));
  const [result] = collected.results;
  if (!result) return refusal('payment_unavailable', 'The payment provider did not answer; retry shortly.');
  if (result.outcome.status === 'failed') {
    return refusal('payment_declined', result.outcome.message, null, { decline: result.outcome.decline });
  }
  const [invoice, state] = await Promise.all([
    deps.store.documents.find(user.accountId, invoiceId),
    deps.store.accounts.loadBillingState(user.accountId),
  ]);
  if (!invoice || !state) return notFound('invoice');
  return { ok: true, payment: { invoice: documentSummary(invoice), subscriptionStatus: state.subscription.status } };
}
