export { type ApplyResult, applyQuote } from './apply-quote';
export { type CancelResult, cancelPendingChange } from './cancel-pending-change';
export { type Ending, type EndResult, endSubscription } from './end-subscription';
export {
  billFullPeriod,
  type FullPeriodBill,
  type FullPeriodBillResult,
  planRenewal,
  type RenewalPlan,
  type RenewalPlanResult,
} from './plan-renewal';
export { type Renewal, type RenewalResult, renewSubscription } from './renew-subscription';
export { type ResumeResult, resumeSubscription } from './resume-subscription';
export { type ScheduleCancellationResult, scheduleCancellation } from './schedule-cancellation';
