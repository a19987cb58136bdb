import type { TargetState } from '../subscription/subscription';
import type { ChangeDescriptor } from './quote';

/** What starting an ended subscription again does: the plan, seats and interval, then each add-on taken. */
export function restartChanges(target: TargetState): ChangeDescriptor[] {
  return [
    { kind: 'restart', planId: target.planId, quantity: target.quantity, interval: target.interval },
    ...target.addOns.map(
      (held): ChangeDescriptor => ({
        kind: 'add_on_change',
        direction: 'increase',
        addOnId: held.addOnId,
        from: 0,
        to: held.quantity,
      }),
    ),
  ];
}
