import { z } from 'zod';
import { localeSchema } from '../account/account-schema';
import { billingDetailsSchema } from '../billing-details/billing-details-schema';
import { catalogSchema, entitlementsSchema, localNamesSchema } from '../catalog/catalog-schema';
import { documentLineSchema } from '../documents/document-schema';
import { changeBlockerSchema, changeOptionsSchema } from '../eligibility/eligibility-schema';
import { currencyCodeSchema, moneySchema } from '../money/money-schema';
import { billingIntervalSchema, epochSecondsSchema, periodSchema } from '../periods/periods-schema';
import { subscriptionSchema, subscriptionStatusSchema } from '../subscription/subscription-schema';
import { readonlyArrayOf } from '../wire/readonly-array';
import { cancellationViewSchema } from './cancellation';
import { paymentMethodViewSchema } from './payment-methods';
import { scheduledChangeSchema } from './scheduled-change';
import { userViewSchema } from './session';

const accountFactsSchema = z.object({
  id: z.string(),
  name: z.string(),
  currency: currencyCodeSchema,
  locale: localeSchema,
  billingEmail: z.string(),
  billingAddress: billingDetailsSchema.shape.address,
  /** The default card, which every charge goes to. */
  paymentMethod: paymentMethodViewSchema.pick({ brand: true, last4: true, expMonth: true, expYear: true }).nullable(),
  creditBalance: moneySchema,
});

const subscriptionFactsSchema = z.object({
  id: z.string(),
  status: subscriptionStatusSchema,
  signupAt: epochSecondsSchema,
  plan: z.object({
    id: z.string(),
    name: z.string(),
    group: z.string().nullable(),
    groupName: z.string().nullable(),
    pricing: z.enum(['per_seat', 'flat']),
    unitAmount: moneySchema,
  }),
  interval: billingIntervalSchema,
  quantity: z.int(),
  addOns: readonlyArrayOf(z.object({ id: z.string(), name: z.string(), quantity: z.int(), unitAmount: moneySchema })),
  pricePerCycle: moneySchema,
  /** What makes up the price per cycle: the plan, then each add-on, unit price × quantity; they add up to it. */
  pricePerCycleParts: readonlyArrayOf(
    z.object({
      type: z.enum(['plan', 'add_on']),
      id: z.string(),
      name: z.string(),
      quantity: z.int(),
      unitAmount: moneySchema,
      amount: moneySchema,
    }),
  ),
  currentPeriod: periodSchema,
  nextBill: z
    .object({
      date: epochSecondsSchema,
      total: moneySchema,
      creditApplied: moneySchema,
      amountDue: moneySchema,
      lines: readonlyArrayOf(documentLineSchema),
    })
    .nullable(),
  entitlements: entitlementsSchema,
});

const namedEntrySchema = z.object({ id: z.string(), name: z.string(), names: localNamesSchema.optional() });

/**
 * The catalog's plans, add-ons and plan groups by name in every language it gives (the English
 * `name` where it gives none), so the page names them in the language it shows.
 */
const catalogNamesSchema = z.object({
  plans: readonlyArrayOf(namedEntrySchema),
  addOns: readonlyArrayOf(namedEntrySchema),
  groups: readonlyArrayOf(namedEntrySchema),
});

/**
 * GET /api/account: the account page's facts, and whether Change is possible. Names given as
 * strings are in the account's language; `catalogNames` has them in every language.
 */
export const accountViewSchema = z.object({
  user: userViewSchema,
  account: accountFactsSchema,
  subscription: subscriptionFactsSchema,
  catalogNames: catalogNamesSchema,
  scheduledChange: scheduledChangeSchema
    .extend({
      entitlements: entitlementsSchema,
      /** The catalog's names of the plans and add-ons the target and its changes name by id. */
      names: z.object({
        plans: z.record(z.string(), z.string()),
        addOns: z.record(z.string(), z.string()),
      }),
    })
    .nullable(),
  provisioningPending: z.boolean(),
  /** The limits and features the subscribed plan brings once a person completes its provisioning. */
  entitlementsOnProvisioning: entitlementsSchema.nullable(),
  unpaidInvoices: z.int(),
  change: z.object({ possible: z.boolean(), blockers: readonlyArrayOf(changeBlockerSchema) }),
  /** The cancellation waiting for the period end, or the one that ended the subscription. */
  cancellation: cancellationViewSchema.nullable(),
});
export type AccountView = z.output<typeof accountViewSchema>;

/**
 * GET /api/account/options: what the browser needs to price every choice itself with the engine,
 * at the server's instant: the options, the catalog (with its display names) and the subscription.
 */
export const optionsViewSchema = z.object({
  /** Who is choosing, as the server sees them: the engine prices for this actor on both sides. */
  actor: z.object({ canManageBilling: z.boolean() }),
  options: changeOptionsSchema,
  catalog: z.object({
    ...catalogSchema.shape,
    id: z.string(),
    name: z.string(),
    groups: readonlyArrayOf(z.object({ id: z.string(), name: z.string(), names: localNamesSchema.optional() })),
  }),
  subscription: subscriptionSchema,
});
export type OptionsView = z.output<typeof optionsViewSchema>;
