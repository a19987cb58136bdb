export { addOnQuantity, sameTarget } from './same-target';
export type {
  Actor,
  AddOnItem,
  PendingChange,
  PlanItem,
  Subscription,
  SubscriptionItem,
  SubscriptionStatus,
  TargetState,
} from './subscription';
export { currentPeriod, currentTarget, pricePerCycle } from './subscription-state';
