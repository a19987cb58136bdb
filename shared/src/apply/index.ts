export { type ApplyResult, applyQuote } from './apply-quote';
export { type CancelResult, cancelPendingChange } from './cancel-pending-change';
export { planRenewal, type RenewalPlan, type RenewalPlanResult } from './plan-renewal';
export { type Renewal, type RenewalResult, renewSubscription } from './renew-subscription';
