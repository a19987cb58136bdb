import { z } from 'zod';
import { currencyCodeSchema, moneySchema } from '../money/money-schema';
import { billingIntervalSchema } from '../periods/periods-schema';
import { subscriptionStatusSchema } from '../subscription/subscription-schema';
import type { SameShape } from '../wire/same-shape';
import type { ChangeOptions } from './change-options';
import type { ChangeBlocker } from './reasons';

const changeBlockerUnion = z.union([
  z.strictObject({ reason: z.literal('no_billing_permission') }),
  z.strictObject({ reason: z.literal('unpaid_invoice'), count: z.int() }),
  z.strictObject({ reason: z.literal('subscription_not_active'), status: subscriptionStatusSchema }),
  z.strictObject({ reason: z.literal('plan_not_changeable'), planId: z.string() }),
]);
const _blocker: SameShape<typeof changeBlockerUnion, ChangeBlocker> = true;
/** Why the customer cannot change the subscription at all. */
export const changeBlockerSchema: z.ZodType<ChangeBlocker> = changeBlockerUnion;

const unavailable = { ok: z.literal(false) };

const planUnavailable = [
  z.strictObject({ ...unavailable, reason: z.literal('unknown_plan'), planId: z.string() }),
  z.strictObject({ ...unavailable, reason: z.literal('not_in_plan_group'), planId: z.string(), group: z.string() }),
  z.strictObject({ ...unavailable, reason: z.literal('sales_only'), planId: z.string() }),
  z.strictObject({
    ...unavailable,
    reason: z.literal('interval_unavailable'),
    planId: z.string(),
    interval: billingIntervalSchema,
  }),
  z.strictObject({
    ...unavailable,
    reason: z.literal('currency_unavailable'),
    planId: z.string(),
    currency: currencyCodeSchema,
  }),
] as const;

const addOnUnavailable = [
  z.strictObject({ ...unavailable, reason: z.literal('unknown_addon'), addOnId: z.string() }),
  z.strictObject({ ...unavailable, reason: z.literal('addon_duplicate'), addOnId: z.string() }),
  z.strictObject({ ...unavailable, reason: z.literal('addon_incompatible'), addOnId: z.string(), planId: z.string() }),
  z.strictObject({
    ...unavailable,
    reason: z.literal('addon_interval_unavailable'),
    addOnId: z.string(),
    interval: billingIntervalSchema,
  }),
  z.strictObject({
    ...unavailable,
    reason: z.literal('addon_other_interval_held'),
    addOnId: z.string(),
    heldInterval: billingIntervalSchema,
  }),
  z.strictObject({
    ...unavailable,
    reason: z.literal('addon_interval_differs_from_plan'),
    addOnId: z.string(),
    planInterval: billingIntervalSchema,
  }),
] as const;

const available = z.strictObject({ ok: z.literal(true) });
const quantityRange = z.strictObject({ min: z.int(), max: z.int() });

const planOption = z.strictObject({
  planId: z.string(),
  current: z.boolean(),
  salesOnly: z.boolean(),
  availability: z.union([available, ...planUnavailable]),
  quantity: quantityRange,
});

const changeOptionsObject = z.strictObject({
  blockers: z.array(changeBlockerSchema),
  plans: z.array(planOption),
  intervals: z.array(
    z.strictObject({
      interval: billingIntervalSchema,
      availability: z.union([available, ...planUnavailable]),
      price: moneySchema.nullable(),
      savingVersusMonthly: moneySchema.nullable(),
    }),
  ),
  addOns: z.array(
    z.strictObject({
      addOnId: z.string(),
      heldQuantity: z.int(),
      quantity: quantityRange,
      availability: z.union([available, ...addOnUnavailable]),
      unitPrice: moneySchema.nullable(),
    }),
  ),
});
const _options: SameShape<typeof changeOptionsObject, ChangeOptions> = true;
/** What the customer may choose, and why not where they may not. */
export const changeOptionsSchema: z.ZodType<ChangeOptions> = changeOptionsObject;
