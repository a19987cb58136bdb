import { z } from 'zod';
import { localeSchema } from '../account/account-schema';
import { currencyCodeSchema } from '../money/money-schema';
import { billingIntervalSchema } from '../periods/periods-schema';
import { readonlyArray, readonlyArrayOf } from '../wire/readonly-array';
import type { SameShape } from '../wire/same-shape';
import type { Catalog } from './catalog';
import type { Entitlements } from './entitlements';

/** Ids of catalog entries: safe in URLs, file names and document lines. */
export const catalogIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _');

const quantityRangeSchema = z
  .strictObject({ min: z.int().min(1).max(1_000_000), max: z.int().min(1).max(1_000_000) })
  .refine((range) => range.min <= range.max, { message: 'min must not exceed max', path: ['max'] });

/** A catalog entry's names in the portal's other languages; its `name` (English) is the fallback. */
export const localNamesSchema = z.partialRecord(localeSchema, z.string().min(1).max(120));

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
  names: localNamesSchema.optional(),
  group: catalogIdSchema.nullable(),
  rank: z.int().min(0).max(1000),
  pricing: z.enum(['per_seat', 'flat']),
  quantity: quantityRangeSchema,
  prices: readonlyArray(z.array(priceSchema).min(1)),
  salesOnly: z.boolean(),
  selfServiceChangeable: z.boolean(),
  limits: limitsSchema,
  features: readonlyArrayOf(z.string().min(1).max(64)),
  needsManualProvisioning: z.boolean(),
});

export const addOnSchema = z.strictObject({
  id: catalogIdSchema,
  name: z.string().min(1).max(120),
  names: localNamesSchema.optional(),
  compatiblePlanIds: z.union([z.literal('all'), readonlyArrayOf(catalogIdSchema)]),
  quantity: quantityRangeSchema,
  prices: readonlyArray(z.array(priceSchema).min(1)),
  limits: limitsSchema,
  limitIncrements: z.record(z.string().min(1).max(64), z.int().min(0)),
  features: readonlyArrayOf(z.string().min(1).max(64)),
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
    plans: readonlyArray(z.array(planSchema).min(1)),
    addOns: readonlyArrayOf(addOnSchema),
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
  });
const _catalog: SameShape<typeof catalogSchema, Catalog> = true;

const entitlementsObject = z
  .strictObject({ limits: z.record(z.string(), z.int().nullable()), features: z.array(z.string()) })
  .meta({ description: 'Limits (null = unlimited) and features.' });
const _entitlements: SameShape<typeof entitlementsObject, Entitlements> = true;
/** What a subscription may use: its limits and features. */
export const entitlementsSchema: z.ZodType<Entitlements> = entitlementsObject;
