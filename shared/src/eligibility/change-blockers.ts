import type { Catalog } from '../catalog/catalog';
import { findPlan } from '../catalog/find-in-catalog';
import type { Actor, Subscription } from '../subscription/subscription';
import type { ChangeBlocker } from './reasons';

/**
 * Every reason the actor cannot change the subscription by self-service: no billing
 * permission, an unpaid invoice, a subscription that is not active, a plan that is not
 * changeable. Empty when a change is possible. An ended (canceled) subscription is changed by
 * starting it again, on any self-service plan, so neither its status nor its old plan blocks.
 */
export function changeBlockers(catalog: Catalog, subscription: Subscription, actor: Actor): ChangeBlocker[] {
  const blockers: ChangeBlocker[] = [];
  if (!actor.canManageBilling) blockers.push({ reason: 'no_billing_permission' });
  if (subscription.unpaidInvoices > 0) blockers.push({ reason: 'unpaid_invoice', count: subscription.unpaidInvoices });
  // A past-due subscription is still active service-wise; its unpaid invoice is what blocks.
  if (subscription.status === 'paused') blockers.push({ reason: 'subscription_not_active', status: 'paused' });
  if (subscription.status === 'canceled') return blockers;
  const plan = findPlan(catalog, subscription.plan.planId);
  if (!plan?.selfServiceChangeable) blockers.push({ reason: 'plan_not_changeable', planId: subscription.plan.planId });
  return blockers;
}
