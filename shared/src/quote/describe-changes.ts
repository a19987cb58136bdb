import type { Catalog } from '../catalog/catalog';
import { sameInterval } from '../periods/billing-interval';
import { addOnQuantity } from '../subscription/same-target';
import type { Subscription, TargetState } from '../subscription/subscription';
import { planChangeDirection } from './plan-direction';
import type { ChangeDescriptor } from './quote';

/** What moving from one state to another does, one descriptor per part, in product words. */
export function describeChanges(
  catalog: Catalog,
  subscription: Subscription,
  from: TargetState,
  to: TargetState,
): ChangeDescriptor[] {
  const changes: ChangeDescriptor[] = [];
  if (!sameInterval(from.interval, to.interval)) {
    changes.push({ kind: 'interval_change', from: from.interval, to: to.interval });
  }
  if (from.planId !== to.planId) {
    changes.push({
      kind: 'plan_change',
      direction: planChangeDirection(catalog, subscription, from, to),
      fromPlanId: from.planId,
      toPlanId: to.planId,
      fromQuantity: from.quantity,
      toQuantity: to.quantity,
    });
  } else if (from.quantity !== to.quantity) {
    changes.push({
      kind: 'quantity_change',
      direction: to.quantity > from.quantity ? 'increase' : 'decrease',
      planId: to.planId,
      from: from.quantity,
      to: to.quantity,
    });
  }
  const ids = new Set([...from.addOns, ...to.addOns].map((held) => held.addOnId));
  for (const addOnId of [...ids].sort()) {
    const before = addOnQuantity(from, addOnId);
    const after = addOnQuantity(to, addOnId);
    if (before !== after) {
      changes.push({
        kind: 'add_on_change',
        direction: after > before ? 'increase' : 'decrease',
        addOnId,
        from: before,
        to: after,
      });
    }
  }
  return changes;
}
