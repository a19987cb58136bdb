import { z } from 'zod';
import { entitlementsSchema } from '../catalog/catalog-schema';
import { creditNoteDraftSchema, documentLineSchema, invoiceDraftSchema } from '../documents/document-schema';
import { currencyCodeSchema, moneySchema } from '../money/money-schema';
import { billingIntervalSchema, epochSecondsSchema, periodSchema } from '../periods/periods-schema';
import { pendingChangeSchema, subscriptionChangesSchema, targetStateSchema } from '../subscription/subscription-schema';
import type { SameShape } from '../wire/same-shape';
import type { ChangeDescriptor, CreditBalanceMovement, NextBill, Quote, ScheduledChange } from './quote';

const increaseOrDecrease = z.enum(['increase', 'decrease']);

const changeDescriptorUnion = z.union([
  z.strictObject({
    kind: z.literal('plan_change'),
    direction: z.enum(['upgrade', 'downgrade']),
    fromPlanId: z.string(),
    toPlanId: z.string(),
    fromQuantity: z.int(),
    toQuantity: z.int(),
  }),
  z.strictObject({
    kind: z.literal('quantity_change'),
    direction: increaseOrDecrease,
    planId: z.string(),
    from: z.int(),
    to: z.int(),
  }),
  z.strictObject({ kind: z.literal('interval_change'), from: billingIntervalSchema, to: billingIntervalSchema }),
  z.strictObject({
    kind: z.literal('add_on_change'),
    direction: increaseOrDecrease,
    addOnId: z.string(),
    from: z.int(),
    to: z.int(),
  }),
  z.strictObject({
    kind: z.literal('restart'),
    planId: z.string(),
    quantity: z.int(),
    interval: billingIntervalSchema,
  }),
]);
const _change: SameShape<typeof changeDescriptorUnion, ChangeDescriptor> = true;
/** One thing a change does, in product words. */
export const changeDescriptorSchema: z.ZodType<ChangeDescriptor> = changeDescriptorUnion;

const scheduledChangeObject = z.strictObject({
  effectiveAt: epochSecondsSchema,
  target: targetStateSchema,
  changes: z.array(changeDescriptorSchema),
});
const _scheduled: SameShape<typeof scheduledChangeObject, ScheduledChange> = true;
export const scheduledChangeSchema: z.ZodType<ScheduledChange> = scheduledChangeObject;

const nextBillObject = z.strictObject({
  date: epochSecondsSchema,
  period: periodSchema,
  lines: z.array(documentLineSchema),
  total: moneySchema,
  creditApplied: moneySchema,
  amountDue: moneySchema,
});
const _nextBill: SameShape<typeof nextBillObject, NextBill> = true;
/** The renewal at the next period boundary. */
export const nextBillSchema: z.ZodType<NextBill> = nextBillObject;

const creditBalanceMovementObject = z.strictObject({
  before: moneySchema,
  applied: moneySchema,
  added: moneySchema,
  forfeited: moneySchema,
  after: moneySchema,
});
const _credit: SameShape<typeof creditBalanceMovementObject, CreditBalanceMovement> = true;
export const creditBalanceMovementSchema: z.ZodType<CreditBalanceMovement> = creditBalanceMovementObject;

/** The limits and features a change gives now, and once its scheduled part takes effect. */
export const quoteEntitlementsSchema: z.ZodType<Quote['entitlements']> = z.strictObject({
  fromNow: entitlementsSchema,
  afterScheduled: entitlementsSchema.nullable(),
});

const quoteObject = z.strictObject({
  quotedAt: epochSecondsSchema,
  currency: currencyCodeSchema,
  target: targetStateSchema,
  noChange: z.strictObject({ reason: z.enum(['same_as_current', 'same_as_scheduled']) }).nullable(),
  appliedNow: z.array(changeDescriptorSchema),
  scheduled: scheduledChangeSchema.nullable(),
  replacesPendingChange: pendingChangeSchema.nullable(),
  lines: z.array(documentLineSchema),
  totals: z.strictObject({ charges: moneySchema, credits: moneySchema, net: moneySchema }),
  dueNowBeforeCredit: moneySchema,
  dueNow: moneySchema,
  creditBalance: creditBalanceMovementSchema,
  documents: z.strictObject({
    creditNote: creditNoteDraftSchema.nullable(),
    invoice: invoiceDraftSchema.nullable(),
  }),
  nextBill: nextBillSchema,
  entitlements: quoteEntitlementsSchema,
  provisioning: z.enum(['automatic', 'manual']),
  after: subscriptionChangesSchema,
});
const _quote: SameShape<typeof quoteObject, Quote> = true;
/** The exact price of a requested change at an instant, and everything confirming it would do. */
export const quoteSchema: z.ZodType<Quote> = quoteObject;
