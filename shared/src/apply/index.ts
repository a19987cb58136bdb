export { type ApplyResult, applyQuote } from './apply-quote';
export { type CancelResult, cancelPendingChange } from './cancel-pending-change';
export {
  billFullPeriod,
  type FullPeriodBill,
  type FullPeriodBillResult,
  planRenewal,
  type RenewalPlan,
  type RenewalPlanResult,
} from './plan-renewal';
export { type Renewal, type RenewalResult, renewSubscription } from './renew-subscription';
