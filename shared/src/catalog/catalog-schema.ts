import { z } from 'zod';
import { currencyCodeSchema } from '../money/money-schema';
import { billingIntervalSchema } from '../periods/periods-schema';
import type { Catalog } from './catalog';

/** Ids of catalog entries: safe in URLs, file names and document lines. */
export const catalogIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _');

const quantityRangeSchema = z
  .strictObject({ min: z.int().min(1).max(1_000_000), max: z.int().min(1).max(1_000_000) })
  .refine((range) => range.min <= range.max, { message: 'min must not exceed max', path: ['max'] });

const limitsSchema = z.record(z.string().min(1).max(64), z.int().min(0).nullable());

export const priceSchema = z.strictObject({
  id: catalogIdSchema,
  interval: billingIntervalSchema,
  currency: currencyCodeSchema,
  unitAmount: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const planSchema = z.strictObject({
  id: catalogIdSchema,
  name: z.string().min(1).max(120),
  group: catalogIdSchema.nullable(),
  rank: z.int().min(0).max(1000),
  pricing: z.enum(['per_seat', 'flat']),
  quantity: quantityRangeSchema,
  prices: z.array(priceSchema).min(1),
  salesOnly: z.boolean(),
  selfServiceChangeable: z.boolean(),
  limits: limitsSchema,
  features: z.array(z.string().min(1).max(64)),
  needsManualProvisioning: z.boolean(),
});

export const addOnSchema = z.strictObject({
  id: catalogIdSchema,
  name: z.string().min(1).max(120),
  compatiblePlanIds: z.union([z.literal('all'), z.array(catalogIdSchema)]),
  quantity: quantityRangeSchema,
  prices: z.array(priceSchema).min(1),
  limits: limitsSchema,
  limitIncrements: z.record(z.string().min(1).max(64), z.int().min(0)),
  features: z.array(z.string().min(1).max(64)),
  needsManualProvisioning: z.boolean(),
});

const timingSchema = z.enum(['immediate', 'period_end']);

export const catalogPoliciesSchema = z.strictObject({
  upgradeTiming: timingSchema,
  downgradeTiming: timingSchema,
  annualToMonthlyTiming: timingSchema,
  prorationGranularity: z.enum(['second', 'day']),
  creditBehaviour: z.enum(['account_credit', 'none']),
});

/** A whole catalog, checked for the references the engine relies on (unique ids, known plans). */
export const catalogSchema = z
  .strictObject({
    version: z.string().min(1).max(64),
    plans: z.array(planSchema).min(1),
    addOns: z.array(addOnSchema),
    policies: catalogPoliciesSchema,
  })
  .superRefine((catalog, ctx) => {
    const planIds = new Set<string>();
    catalog.plans.forEach((plan, i) => {
      if (planIds.has(plan.id))
        ctx.addIssue({ code: 'custom', message: 'duplicate plan id', path: ['plans', i, 'id'] });
      planIds.add(plan.id);
    });
    const priceIds = new Set<string>();
    const products = [
      ...catalog.plans.map((p) => ['plans', p] as const),
      ...catalog.addOns.map((a) => ['addOns', a] as const),
    ];
    for (const [list, product] of products) {
      for (const price of product.prices) {
        if (priceIds.has(price.id))
          ctx.addIssue({ code: 'custom', message: `duplicate price id ${price.id}`, path: [list] });
        priceIds.add(price.id);
      }
    }
    const addOnIds = new Set<string>();
    catalog.addOns.forEach((addOn, i) => {
      if (addOnIds.has(addOn.id))
        ctx.addIssue({ code: 'custom', message: 'duplicate add-on id', path: ['addOns', i, 'id'] });
      addOnIds.add(addOn.id);
      if (addOn.compatiblePlanIds === 'all') return;
      for (const planId of addOn.compatiblePlanIds) {
        if (!planIds.has(planId)) {
          ctx.addIssue({ code: 'custom', message: `unknown plan ${planId}`, path: ['addOns', i, 'compatiblePlanIds'] });
        }
      }
    });
  }) satisfies z.ZodType<Catalog>;
