import type { Catalog } from '../catalog/catalog';
import { findAddOn, findPlan } from '../catalog/find-in-catalog';
import type { ChangeRequest } from '../quote/change-request-schema';
import type { Subscription } from '../subscription/subscription';
import {
  addOnAvailability,
  intervalAvailability,
  planAvailability,
  planQuantityRange,
  quantityAvailability,
} from './availability';
import type { AddOnUnavailable, Availability, PlanUnavailable, QuantityUnavailable } from './reasons';

export type { ChangeRequest };

type Unavailable = PlanUnavailable | QuantityUnavailable | AddOnUnavailable;

/** What is wrong with one part of a request, and which field it is (e.g. `addOns.1.quantity`). */
export type RequestProblem = Unavailable & Readonly<{ field: string }>;

function collect(problems: RequestProblem[], check: Availability<Unavailable>, field: string): void {
  if (check.ok) return;
  const { ok: _, ...problem } = check;
  problems.push({ ...problem, field });
}

/** Every problem of a requested target against the catalog and the subscription; empty when valid. */
export function validateRequest(
  catalog: Catalog,
  subscription: Subscription,
  request: ChangeRequest,
): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const plan = findPlan(catalog, request.planId);
  if (!plan) {
    collect(problems, { ok: false, reason: 'unknown_plan', planId: request.planId }, 'planId');
    return problems;
  }
  collect(
    problems,
    planAvailability(
      plan,
      findPlan(catalog, subscription.plan.planId),
      subscription.currency,
      subscription.status === 'canceled',
    ),
    'planId',
  );
  if (problems.length > 0) return problems;
  collect(problems, intervalAvailability(plan, request.interval, subscription.currency), 'interval');
  collect(problems, quantityAvailability(planQuantityRange(plan), request.quantity), 'quantity');

  const seen = new Set<string>();
  request.addOns.forEach((held, i) => {
    const addOn = findAddOn(catalog, held.addOnId);
    if (!addOn) {
      collect(problems, { ok: false, reason: 'unknown_addon', addOnId: held.addOnId }, `addOns.${i}.addOnId`);
    } else if (seen.has(addOn.id)) {
      collect(problems, { ok: false, reason: 'addon_duplicate', addOnId: addOn.id }, `addOns.${i}.addOnId`);
    } else {
      seen.add(addOn.id);
      const availability = addOnAvailability(addOn, plan.id, request.interval, subscription, held.interval);
      collect(problems, availability, `addOns.${i}.${held.interval ? 'interval' : 'addOnId'}`);
      collect(problems, quantityAvailability(addOn.quantity, held.quantity), `addOns.${i}.quantity`);
    }
  });
  return problems;
}
