// The documented shapes of the API's answers, each checked at compile time against the type the
// BFF builds (api-types.ts, in the engine's types): if one drifts, `tsc` fails. They fill in the
// named response schemas of /api/openapi.json; requests are validated by the engine's own schemas.
import { z } from '@hono/zod-openapi';
import { currencyCodeSchema } from '@planshift/shared/money';
import {
  type AccountView,
  type ConfirmationView,
  type DocumentSummaryView,
  type DocumentView,
  type InvoicePaymentView,
  LOCALES,
  type QuoteView,
} from '../api-types';

const instant = z.int().meta({ description: 'Unix seconds (UTC)' });
const money = z.object({ amount: z.int().meta({ description: 'Integer minor units' }), currency: currencyCodeSchema });
const interval = z.object({ unit: z.enum(['month', 'year']), count: z.int() });
const period = z.object({ start: instant, end: instant });
const target = z.object({
  planId: z.string(),
  interval,
  quantity: z.int(),
  addOns: z.array(z.object({ addOnId: z.string(), quantity: z.int() })),
});
const entitlements = z
  .object({ limits: z.record(z.string(), z.int().nullable()), features: z.array(z.string()) })
  .meta({ description: 'Limits (null = unlimited) and features.' });

const line = z
  .object({
    kind: z.enum(['credit_unused_time', 'charge_remaining_time', 'charge_full_period', 'renewal']),
    item: z.object({ type: z.enum(['plan', 'add_on']), id: z.string(), priceId: z.string() }),
    quantity: z.int(),
    unitAmount: money,
    covers: period,
    billingPeriod: period,
    fraction: z.object({ numerator: z.int(), denominator: z.int(), unit: z.enum(['second', 'day']) }),
    amount: money,
    capped: z.boolean(),
  })
  .meta({
    description: 'unit price × quantity × numerator/denominator, rounded once; credits are negative.',
  });

const change = z.union([
  z.object({
    kind: z.literal('plan_change'),
    direction: z.enum(['upgrade', 'downgrade']),
    fromPlanId: z.string(),
    toPlanId: z.string(),
    fromQuantity: z.int(),
    toQuantity: z.int(),
  }),
  z.object({
    kind: z.literal('quantity_change'),
    direction: z.enum(['increase', 'decrease']),
    planId: z.string(),
    from: z.int(),
    to: z.int(),
  }),
  z.object({ kind: z.literal('interval_change'), from: interval, to: interval }),
  z.object({
    kind: z.literal('add_on_change'),
    direction: z.enum(['increase', 'decrease']),
    addOnId: z.string(),
    from: z.int(),
    to: z.int(),
  }),
]);

const scheduled = z.object({ effectiveAt: instant, target, changes: z.array(change) });
const pending = z.object({ effectiveAt: instant, target });
const nextBill = z.object({
  date: instant,
  period,
  lines: z.array(line),
  total: money,
  creditApplied: money,
  amountDue: money,
});
const creditMovement = z.object({ before: money, applied: money, added: money, forfeited: money, after: money });
const item = {
  priceId: z.string(),
  unitAmount: z.int(),
  quantity: z.int(),
  billedInPeriod: z.int(),
  creditedInPeriod: z.int(),
};
const invoiceDraft = z.object({
  kind: z.literal('invoice'),
  reason: z.enum(['change', 'renewal']),
  currency: currencyCodeSchema,
  lines: z.array(line),
  total: money,
  creditNoteApplied: money,
  creditBalanceApplied: money,
  amountDue: money,
});
const creditNoteDraft = z.object({
  kind: z.literal('credit_note'),
  currency: currencyCodeSchema,
  lines: z.array(line),
  total: money,
  appliedToInvoice: money,
  addedToCreditBalance: money,
  forfeited: money,
});

const quote = z.object({
  quotedAt: instant,
  currency: currencyCodeSchema,
  target,
  noChange: z.object({ reason: z.enum(['same_as_current', 'same_as_scheduled']) }).nullable(),
  now: z.array(change),
  scheduled: scheduled.nullable(),
  replacesPendingChange: pending.nullable(),
  lines: z.array(line),
  totals: z.object({ charges: money, credits: money, net: money }),
  dueNowBeforeCredit: money,
  dueNow: money,
  creditBalance: creditMovement,
  documents: z.object({ creditNote: creditNoteDraft.nullable(), invoice: invoiceDraft.nullable() }),
  nextBill,
  entitlements: z.object({ now: entitlements, afterScheduled: entitlements.nullable() }),
  provisioning: z.enum(['automatic', 'manual']),
  after: z.object({
    interval,
    anchor: instant,
    periodIndex: z.int(),
    plan: z.object({ planId: z.string(), ...item }),
    addOns: z.array(z.object({ addOnId: z.string(), ...item })),
    pendingChange: pending.nullable(),
    creditBalance: z.int(),
  }),
});

const changeRequest = z.object({
  planId: z.string(),
  interval,
  quantity: z.int(),
  addOns: z.array(z.object({ addOnId: z.string(), quantity: z.int(), interval: interval.optional() })),
});

export const quoteViewSchema = z.object({ id: z.string(), expiresAt: instant, request: changeRequest, quote }).meta({
  description: 'A stored quote: its id, expiry, the request and the engine’s quote.',
}) satisfies z.ZodType<QuoteView>;

const issued = z.object({ id: z.string(), number: z.string(), total: money, amountDue: money }).nullable();
export const confirmationSchema = z.object({
  changeId: z.string(),
  orderId: z.string(),
  quoteId: z.string(),
  confirmedAt: instant,
  appliedNow: z.array(change),
  scheduled: scheduled.nullable(),
  replacedPendingChange: pending.nullable(),
  documents: z.object({ invoice: issued, creditNote: issued }),
  charged: money,
  creditBalance: creditMovement,
  entitlements: z.object({ now: entitlements, afterScheduled: entitlements.nullable() }),
  nextBill,
  provisioning: z.enum(['automatic', 'pending']),
}) satisfies z.ZodType<ConfirmationView>;

const summary = {
  id: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  reason: z.enum(['change', 'renewal']),
  number: z.string(),
  issuedAt: instant,
  total: money,
  amountDue: money,
  amountPaid: money,
  status: z.enum(['issued', 'paid', 'unpaid']),
  relatedDocumentId: z.string().nullable(),
};
export const documentSummarySchema = z.object(summary) satisfies z.ZodType<DocumentSummaryView>;
export const documentSchema = z.object({
  ...summary,
  lines: z.array(line),
  seller: z.unknown(),
  customer: z.unknown(),
  locale: z.enum(LOCALES),
  creditNoteApplied: z.int(),
  creditBalanceApplied: z.int(),
  forfeited: z.int(),
}) satisfies z.ZodType<DocumentView>;

const user = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['owner', 'billing_admin', 'member']),
  canManageBilling: z.boolean(),
});
const blocker = z.union([
  z.object({ reason: z.literal('no_billing_permission') }),
  z.object({ reason: z.literal('unpaid_invoice'), count: z.int() }),
  z.object({
    reason: z.literal('subscription_not_active'),
    status: z.enum(['active', 'past_due', 'paused', 'canceled']),
  }),
  z.object({ reason: z.literal('plan_not_changeable'), planId: z.string() }),
]);
export const accountSchema = z.object({
  now: instant,
  user,
  account: z.object({
    id: z.string(),
    name: z.string(),
    currency: currencyCodeSchema,
    locale: z.enum(LOCALES),
    billingEmail: z.string(),
    billingAddress: z.object({ line1: z.string(), city: z.string(), postalCode: z.string(), country: z.string() }),
    paymentMethod: z.object({ brand: z.string(), last4: z.string(), expMonth: z.int(), expYear: z.int() }).nullable(),
    creditBalance: money,
  }),
  subscription: z.object({
    id: z.string(),
    status: z.enum(['active', 'past_due', 'paused', 'canceled']),
    signupAt: instant,
    plan: z.object({
      id: z.string(),
      name: z.string(),
      group: z.string().nullable(),
      groupName: z.string().nullable(),
      pricing: z.enum(['per_seat', 'flat']),
      unitAmount: money,
    }),
    interval,
    quantity: z.int(),
    addOns: z.array(z.object({ id: z.string(), name: z.string(), quantity: z.int(), unitAmount: money })),
    pricePerCycle: money,
    currentPeriod: period,
    nextBill: z
      .object({ date: instant, total: money, creditApplied: money, amountDue: money, lines: z.array(line) })
      .nullable(),
    entitlements,
  }),
  scheduledChange: z
    .object({ id: z.string(), effectiveAt: instant, target, changes: z.array(change), entitlements })
    .nullable(),
  provisioningPending: z.boolean(),
  entitlementsOnProvisioning: entitlements.nullable(),
  unpaidInvoices: z.int(),
  change: z.object({ possible: z.boolean(), blockers: z.array(blocker) }),
}) satisfies z.ZodType<AccountView>;

/** The response components of the OpenAPI document, by the names the routes give them. */
export const invoicePaymentSchema = z.object({
  invoice: documentSummarySchema,
  subscriptionStatus: z.enum(['active', 'past_due', 'paused', 'canceled']),
}) satisfies z.ZodType<InvoicePaymentView>;

export const RESPONSE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Account: accountSchema,
  Quote: quoteViewSchema,
  Confirmation: confirmationSchema,
  Documents: z.object({ documents: z.array(documentSummarySchema) }),
  Document: documentSchema,
  InvoicePayment: invoicePaymentSchema,
};
