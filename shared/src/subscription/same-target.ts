import { sameInterval } from '../periods/billing-interval';
import type { TargetState } from './subscription';

/** Whether two target states describe the same subscription. */
export function sameTarget(a: TargetState, b: TargetState): boolean {
  if (a.planId !== b.planId || a.quantity !== b.quantity || !sameInterval(a.interval, b.interval)) return false;
  if (a.addOns.length !== b.addOns.length) return false;
  return a.addOns.every((held) => b.addOns.some((o) => o.addOnId === held.addOnId && o.quantity === held.quantity));
}

/** The add-on quantity a target holds (0 when it does not hold it). */
export function addOnQuantity(target: TargetState, addOnId: string): number {
  return target.addOns.find((held) => held.addOnId === addOnId)?.quantity ?? 0;
}
