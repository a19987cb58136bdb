import { findPlan, type LocalNames, nameIn } from '@planshift/shared/catalog';
import type { Instant } from '@planshift/shared/periods';
import type { SalesRequestInput } from '@planshift/shared/sales';
import { decideSalesRequest, salesPlanAvailability } from '@planshift/shared/sales';
import type { AppDeps } from '../deps';
import type { SalesPayload } from '../email/sales-emails';
import { notFound, type Refusal, refusal } from '../refusal';
import { canManageBilling } from '../session/sessions';
import type { OutboxMessageDraft, SalesRequestRecord, UserRecord } from '../store/records';

export type SalesOutcome =
  | Readonly<{ ok: true; request: SalesRequestRecord; repeat: boolean; planNames: LocalNames | undefined }>
  | Refusal<
      | 'no_billing_permission'
      | 'not_found'
      | 'unknown_plan'
      | 'not_in_plan_group'
      | 'plan_self_service'
      | 'too_many_sales_requests'
    >;

/**
 * Sends a customer's request for a plan sold through sales: stored, e-mailed to the sales
 * address and confirmed to the customer by e-mail, all through the outbox in one transaction.
 * The same request again within a day answers the first (sales is not told twice); a fourth new
 * one within a day waits.
 */
export async function requestSales(
  deps: Pick<AppDeps, 'store' | 'clock' | 'env'>,
  user: UserRecord,
  input: SalesRequestInput,
): Promise<SalesOutcome> {
  if (!canManageBilling(user)) {
    return refusal('no_billing_permission', 'Only owners and billing admins can ask sales on the account’s behalf.');
  }
  const state = await deps.store.accounts.loadBillingState(user.accountId);
  if (!state) return notFound('account');
  const { catalog, subscription, account } = state;
  const available = salesPlanAvailability(catalog.catalog, subscription.plan.planId, input.planId);
  if (!available.ok) return planRefusal(available.reason);
  const plan = findPlan(catalog.catalog, input.planId);
  const now = deps.clock.now();
  const outcome = await deps.store.salesRequests.submit({
    request: {
      accountId: account.id,
      userId: user.id,
      planId: input.planId,
      planName: plan?.name ?? input.planId,
      currentPlanName: findPlan(catalog.catalog, subscription.plan.planId)?.name ?? subscription.plan.planId,
      currentSeats: subscription.plan.quantity,
      seats: input.seats,
      message: input.message,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      sentTo: deps.env.SALES_EMAIL,
    },
    at: now,
    decide: (recent) => decideSalesRequest(recent, input, now),
    emails: (request) =>
      salesEmails(request, account.name, {
        locale: account.locale,
        planName: plan ? nameIn(plan, account.locale) : request.planName,
      }),
  });
  if (outcome.kind === 'throttled') return throttled(outcome.retryAt, now);
  return { ok: true, request: outcome.request, repeat: outcome.kind === 'repeat', planNames: plan?.names };
}

function planRefusal(reason: 'unknown_plan' | 'not_in_plan_group' | 'plan_self_service') {
  switch (reason) {
    case 'unknown_plan':
      return refusal(reason, 'The catalog has no such plan.', 'planId');
    case 'not_in_plan_group':
      return refusal(reason, 'That plan is not in your plan’s family.', 'planId');
    case 'plan_self_service':
      return refusal(reason, 'That plan is chosen in the portal itself: no need to ask sales.', 'planId');
  }
}

function throttled(retryAt: Instant, now: Instant): Refusal<'too_many_sales_requests'> {
  const retryAfter = Math.max(1, retryAt - now);
  return refusal(
    'too_many_sales_requests',
    'Sales has three requests of yours from the last day; try again later.',
    null,
    {
      retryAt,
      retryAfter,
    },
  );
}

/**
 * The request to the sales address (in English, the catalog's own names; Reply-To the customer)
 * and the customer's confirmation, in the account's language with the plan named in it.
 */
function salesEmails(
  request: SalesRequestRecord,
  accountName: string,
  customer: Pick<SalesPayload<'sales_request_received'>, 'locale' | 'planName'>,
): OutboxMessageDraft[] {
  const asked = {
    salesRequestId: request.id,
    planName: request.planName,
    seats: request.seats,
    message: request.message,
    contactName: request.contactName,
    contactEmail: request.contactEmail,
  };
  const toSales: SalesPayload<'sales_request'> = {
    ...asked,
    accountId: request.accountId,
    accountName,
    currentPlanName: request.currentPlanName,
    currentSeats: request.currentSeats,
    createdAt: request.createdAt,
  };
  const toCustomer: SalesPayload<'sales_request_received'> = { ...asked, ...customer };
  return [
    { kind: 'sales_request', recipient: request.sentTo, payload: toSales },
    { kind: 'sales_request_received', recipient: request.contactEmail, payload: toCustomer },
  ];
}
