export { ANNUAL, type BillingInterval, intervalKey, intervalMonths, MONTHLY, sameInterval } from './billing-interval';
export { type Instant, instantFromIso, instantToIso, SECONDS_PER_DAY, startOfUtcDay } from './instant';
export { type Period, periodAt, periodBoundary, periodIndexAt } from './period-boundary';
export {
  billingIntervalSchema,
  epochSecondsSchema,
  periodSchema,
  remainingFractionSchema,
} from './periods-schema';
export { type Granularity, type RemainingFraction, remainingFraction } from './remaining-fraction';
