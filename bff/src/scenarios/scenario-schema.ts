import { localeSchema, roleSchema } from '@planshift/shared/account';
import { CANCELLATION_COMMENT_MAX, cancellationReasonSchema } from '@planshift/shared/api';
import { checkTaxId, countryCodeSchema } from '@planshift/shared/billing-details';
import { catalogIdSchema, catalogSchema, localNamesSchema } from '@planshift/shared/catalog';
import { currencyCodeSchema } from '@planshift/shared/money';
import { billingIntervalSchema } from '@planshift/shared/periods';
import { subscriptionStatusSchema } from '@planshift/shared/subscription';
import { z } from 'zod';

export { localeSchema };

const idSchema = catalogIdSchema;
const isoInstant = z.iso.datetime({ offset: true });

const userSchema = z.strictObject({
  id: idSchema,
  email: z.email().max(254),
  name: z.string().min(1).max(120),
  role: roleSchema,
  password: z.string().min(8).max(200),
});

const subscriptionSchema = z.strictObject({
  id: idSchema,
  planId: idSchema,
  quantity: z.int().min(1).max(100_000),
  interval: billingIntervalSchema,
  addOns: z.array(z.strictObject({ addOnId: idSchema, quantity: z.int().min(1).max(100_000) })).default([]),
  status: subscriptionStatusSchema.default('active'),
  /** The billing anchor: period k starts at anchor + k intervals (month-end clamped). */
  anchor: isoInstant,
  signupAt: isoInstant.optional(),
  /** A change already scheduled for the end of the current period. */
  pendingChange: z
    .strictObject({
      planId: idSchema,
      interval: billingIntervalSchema,
      quantity: z.int().min(1).max(100_000),
      addOns: z.array(z.strictObject({ addOnId: idSchema, quantity: z.int().min(1).max(100_000) })),
    })
    .optional(),
  /** The current period's renewal invoice is left unpaid (blocks self-service changes). */
  currentInvoiceUnpaid: z.boolean().default(false),
  /** The customer has cancelled: the subscription ends at the end of the current period. */
  cancellation: z
    .strictObject({
      reason: cancellationReasonSchema.optional(),
      comment: z.string().max(CANCELLATION_COMMENT_MAX).optional(),
    })
    .optional(),
});

const cardSchema = z.strictObject({
  number: z.string().regex(/^\d{12,19}$/),
  expMonth: z.int().min(1).max(12),
  expYear: z.int().min(2000).max(2100),
});

const accountSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(120),
  catalogId: idSchema,
  currency: currencyCodeSchema,
  locale: localeSchema,
  billingEmail: z.email().max(254),
  billingAddress: z.strictObject({
    line1: z.string().min(1).max(200),
    line2: z.string().max(200).default(''),
    city: z.string().min(1).max(100),
    postalCode: z.string().max(20).default(''),
    region: z.string().max(100).default(''),
    country: countryCodeSchema,
  }),
  /** The name documents are issued to, when not the account's. */
  billingName: z.string().min(1).max(200).optional(),
  /** A VAT or tax ID in the billing country's format, as a customer would enter it. */
  taxId: z.string().min(1).max(40).optional(),
  /**
   * The default card on file, as its number: the simulated processor's test cards decide the
   * outcome. Only its test token, brand, last four and expiry are stored.
   */
  card: cardSchema.nullable(),
  /** More cards on file, not the default (a card to switch to, one that asks for authentication). */
  otherCards: z.array(cardSchema).max(5).default([]),
  creditBalance: z.int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  users: z.array(userSchema).min(1),
  subscription: subscriptionSchema,
});

const scenarioCatalogSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(120),
  groups: z
    .array(z.strictObject({ id: idSchema, name: z.string().min(1).max(120), names: localNamesSchema.optional() }))
    .default([]),
  catalog: catalogSchema,
});

/** A whole world for QA: catalogs, accounts with their users and subscriptions, and the clock. */
export const scenarioSchema = z
  .strictObject({
    /** The test clock's instant; omitted, the system runs on real time. */
    clock: isoInstant.nullable().default(null),
    seller: z
      .strictObject({
        name: z.string().min(1).max(120),
        address: z.string().min(1).max(300),
        /** ISO 3166 code: the documents name the country in their own language. */
        country: z
          .string()
          .regex(/^[A-Z]{2}$/)
          .optional(),
        vatId: z.string().max(40),
        email: z.email(),
      })
      .optional(),
    catalogs: z.array(scenarioCatalogSchema).min(1).max(20),
    accounts: z.array(accountSchema).min(1).max(20_000),
  })
  .superRefine((scenario, ctx) => {
    const catalogs = new Map(scenario.catalogs.map((c) => [c.id, c.catalog]));
    const emails = new Set<string>();
    scenario.accounts.forEach((account, i) => {
      const catalog = catalogs.get(account.catalogId);
      if (!catalog) {
        ctx.addIssue({ code: 'custom', message: 'unknown catalog', path: ['accounts', i, 'catalogId'] });
        return;
      }
      if (account.taxId && !checkTaxId(account.billingAddress.country, account.taxId).ok) {
        ctx.addIssue({
          code: 'custom',
          message: 'not a tax ID of the billing country',
          path: ['accounts', i, 'taxId'],
        });
      }
      if (!catalog.plans.some((plan) => plan.id === account.subscription.planId)) {
        ctx.addIssue({ code: 'custom', message: 'unknown plan', path: ['accounts', i, 'subscription', 'planId'] });
      }
      // One thing waits for the period end at a time (the subscription's one pending change).
      const { pendingChange, cancellation, status } = account.subscription;
      if (cancellation && (pendingChange || status === 'canceled' || status === 'paused')) {
        const message = pendingChange
          ? 'a cancellation and a pending change'
          : `a cancellation of a ${status} subscription`;
        ctx.addIssue({ code: 'custom', message, path: ['accounts', i, 'subscription', 'cancellation'] });
      }
      for (const user of account.users) {
        const email = user.email.toLowerCase();
        if (emails.has(email))
          ctx.addIssue({ code: 'custom', message: 'duplicate e-mail', path: ['accounts', i, 'users'] });
        emails.add(email);
      }
    });
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
