import { z } from 'zod';
import { currencyCodeSchema } from '../money/money-schema';
import { billingIntervalSchema, epochSecondsSchema } from '../periods/periods-schema';
import type { SameShape } from '../wire/same-shape';
import {
  type PendingChange,
  type ScheduledCancellation,
  type ScheduledTargetChange,
  SUBSCRIPTION_STATUSES,
  type Subscription,
  type TargetState,
} from './subscription';

export const subscriptionStatusSchema = z.enum(SUBSCRIPTION_STATUSES);

const targetStateObject = z.strictObject({
  planId: z.string(),
  interval: billingIntervalSchema,
  quantity: z.int(),
  addOns: z.array(z.strictObject({ addOnId: z.string(), quantity: z.int() })),
});
const _target: SameShape<typeof targetStateObject, TargetState> = true;
/** A subscription as the customer wants it: plan, interval, total seats and add-ons. */
export const targetStateSchema: z.ZodType<TargetState> = targetStateObject;

const targetChangeObject = z.strictObject({
  kind: z.literal('change'),
  effectiveAt: epochSecondsSchema,
  target: targetStateSchema,
});
const _targetChange: SameShape<typeof targetChangeObject, ScheduledTargetChange> = true;
const cancellationObject = z.strictObject({
  kind: z.literal('cancellation'),
  effectiveAt: epochSecondsSchema,
  replaced: targetChangeObject.nullable().meta({
    description:
      'The change scheduled for the same period end that the cancellation replaced: resuming schedules it again',
  }),
});
const _cancellation: SameShape<typeof cancellationObject, ScheduledCancellation> = true;
/** The subscription ends at the period end. */
export const scheduledCancellationSchema: z.ZodType<ScheduledCancellation> = cancellationObject;
const pendingChangeUnion = z.discriminatedUnion('kind', [targetChangeObject, cancellationObject]);
const _pending: SameShape<typeof pendingChangeUnion, PendingChange> = true;
/** What takes effect at a period end: a change, or the end of the subscription. */
export const pendingChangeSchema: z.ZodType<PendingChange> = pendingChangeUnion;

const item = {
  priceId: z.string(),
  unitAmount: z.int().meta({ description: 'Minor units per unit, as billed for the current period' }),
  quantity: z.int(),
  billedInPeriod: z.int(),
  creditedInPeriod: z.int(),
};

/** The plan item and the add-on items of a subscription, as billed for the current period. */
export const planItemSchema = z.strictObject({ planId: z.string(), ...item });
export const addOnItemSchema = z.strictObject({ addOnId: z.string(), ...item });

const subscriptionObject = z.strictObject({
  id: z.string(),
  currency: currencyCodeSchema,
  status: subscriptionStatusSchema,
  interval: billingIntervalSchema,
  anchor: epochSecondsSchema,
  periodIndex: z.int(),
  plan: planItemSchema,
  addOns: z.array(addOnItemSchema),
  pendingChange: pendingChangeSchema.nullable(),
  creditBalance: z.int().meta({ description: 'Account credit in minor units, never negative' }),
  unpaidInvoices: z.int(),
});
const _subscription: SameShape<typeof subscriptionObject, Subscription> = true;
/** The state the engine prices and changes, as the browser receives it to price choices itself. */
export const subscriptionSchema: z.ZodType<Subscription> = subscriptionObject;

/** The parts of a subscription a change replaces (a quote's `after`). */
export const subscriptionChangesSchema = subscriptionObject.pick({
  status: true,
  interval: true,
  anchor: true,
  periodIndex: true,
  plan: true,
  addOns: true,
  pendingChange: true,
  creditBalance: true,
});
