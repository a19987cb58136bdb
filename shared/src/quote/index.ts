export {
  type AddOnLoss,
  addOnLosses,
  entitlementLosses,
  type LimitLoss,
  type Losses,
  losesNothing,
  type QuoteLosses,
  quoteLosses,
} from './change-losses';
export { type ChangeRequest, changeRequestSchema } from './change-request-schema';
export { describeChanges } from './describe-changes';
export { lineArithmetic, TIMES } from './line-arithmetic';
export { type LineShare, lineShare, type Span, shareText, spanSeconds } from './line-share';
export type {
  ChangeDescriptor,
  CreditBalanceMovement,
  LineItem,
  NextBill,
  NoChangeReason,
  Quote,
  QuoteError,
  QuoteLine,
  QuoteResult,
  ScheduledChange,
  SubscriptionAfter,
} from './quote';
export { type QuoteInput, quoteChange } from './quote-change';
export {
  changeDescriptorSchema,
  creditBalanceMovementSchema,
  nextBillSchema,
  quoteEntitlementsSchema,
  quoteSchema,
  scheduledChangeSchema,
} from './quote-schema';
export { type ChangeSplit, splitChange } from './split-change';
