import { hash } from 'node:crypto';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import type { Instant } from '@planshift/shared/periods';
import { type QuoteError, type QuoteResult, quoteChange } from '@planshift/shared/quote';
import { byAddOnId } from '@planshift/shared/subscription';
import { type Refusal, refusal } from '../refusal';
import { canManageBilling } from '../session/sessions';
import type { BillingState, UserRecord } from '../store/records';

/** How long a customer may take between seeing a quote and confirming it. */
export const QUOTE_TTL_SECONDS = 30 * 60;

export function sha256(text: string): string {
  return hash('sha256', text);
}

/** The request in one canonical form: add-ons in id order, no optional noise. */
export function canonicalRequest(request: ChangeRequest): ChangeRequest {
  return {
    planId: request.planId,
    interval: { unit: request.interval.unit, count: request.interval.count },
    quantity: request.quantity,
    addOns: [...request.addOns]
      .sort(byAddOnId)
      .map((a) => (a.interval ? { addOnId: a.addOnId, quantity: a.quantity, interval: a.interval } : a)),
  };
}

/** The catalog a quote was priced from and its version: once either moves, the quote is stale. */
export function catalogVersion(state: BillingState): string {
  return `${state.catalog.id}@${state.catalog.catalog.version}`;
}

export function priceChange(state: BillingState, user: UserRecord, request: ChangeRequest, now: Instant): QuoteResult {
  return quoteChange({
    catalog: state.catalog.catalog,
    subscription: state.subscription,
    actor: { canManageBilling: canManageBilling(user) },
    request,
    now,
  });
}

export type QuoteRefusal = Refusal<QuoteError['reason'] | 'invalid_request'>;

/** The engine's first reason as a refusal; every reason travels in details for the UI. */
export function quoteRefusal(errors: readonly QuoteError[]): QuoteRefusal {
  const [first] = errors;
  if (!first) return refusal('invalid_request', 'The change cannot be quoted.');
  return refusal(first.reason, messageFor(first), first.field, { errors });
}

// English for logs and API consumers; the SPA translates from the code and its parameters.
function messageFor(error: QuoteError): string {
  switch (error.reason) {
    case 'no_billing_permission':
      return 'Only owners and billing admins can change the subscription.';
    case 'unpaid_invoice':
      return 'An unpaid invoice must be paid before the subscription can change.';
    case 'subscription_not_active':
      return `The subscription is ${error.status}.`;
    case 'plan_not_changeable':
      return 'This plan cannot be changed by self-service.';
    case 'below_min_quantity':
      return `At least ${error.min} are required.`;
    case 'above_max_quantity':
      return `At most ${error.max} are allowed.`;
    case 'renewal_due':
      return 'The billing period has ended; the renewal must run first.';
    default:
      return `The request cannot be quoted: ${error.reason}.`;
  }
}
