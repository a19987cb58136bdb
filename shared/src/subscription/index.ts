export { byAddOnId } from './add-on-order';
export { addOnQuantity, sameTarget } from './same-target';
export {
  type Actor,
  type AddOnItem,
  type PendingChange,
  type PlanItem,
  type ScheduledCancellation,
  type ScheduledTargetChange,
  SUBSCRIPTION_STATUSES,
  type Subscription,
  type SubscriptionItem,
  type SubscriptionStatus,
  type TargetState,
} from './subscription';
export {
  addOnItemSchema,
  pendingChangeSchema,
  planItemSchema,
  scheduledCancellationSchema,
  subscriptionChangesSchema,
  subscriptionSchema,
  subscriptionStatusSchema,
  targetStateSchema,
} from './subscription-schema';
export {
  type CyclePricePart,
  currentPeriod,
  currentTarget,
  pricePerCycle,
  pricePerCycleParts,
} from './subscription-state';
