import type { Entitlements } from '../catalog/entitlements';
import type { CreditNoteDraft, InvoiceDraft } from '../documents/document';
import type { ChangeBlocker } from '../eligibility/reasons';
import type { RequestProblem } from '../eligibility/validate-request';
import type { CurrencyCode } from '../money/currencies';
import type { Money } from '../money/money';
import type { BillingInterval } from '../periods/billing-interval';
import type { Instant } from '../periods/instant';
import type { Period } from '../periods/period-boundary';
import type { RemainingFraction } from '../periods/remaining-fraction';
import type { PendingChange, TargetState } from '../subscription/subscription';
import type { SubscriptionChanges } from '../subscription/subscription-items';

/** Which item a line prices. */
export type LineItem = Readonly<{ type: 'plan' | 'add_on'; id: string; priceId: string }>;

/**
 * One priced line that explains itself: unit price × quantity × the exact share of the
 * period (for example €20.00 × 3 seats × 14/30 days). Credits are negative.
 */
export type QuoteLine = Readonly<{
  kind: 'credit_unused_time' | 'charge_remaining_time' | 'charge_full_period' | 'renewal';
  item: LineItem;
  quantity: number;
  unitAmount: Money;
  /** The time the line covers, and the whole billing period it is a share of. */
  covers: Period;
  billingPeriod: Period;
  fraction: RemainingFraction;
  amount: Money;
  /** True when the credit was reduced so that an item is never credited more than it was billed. */
  capped: boolean;
}>;

/** One thing a change does, in product words. */
export type ChangeDescriptor =
  | Readonly<{
      kind: 'plan_change';
      direction: 'upgrade' | 'downgrade';
      fromPlanId: string;
      toPlanId: string;
      fromQuantity: number;
      toQuantity: number;
    }>
  | Readonly<{ kind: 'quantity_change'; direction: 'increase' | 'decrease'; planId: string; from: number; to: number }>
  | Readonly<{ kind: 'interval_change'; from: BillingInterval; to: BillingInterval }>
  | Readonly<{ kind: 'add_on_change'; direction: 'increase' | 'decrease'; addOnId: string; from: number; to: number }>
  /** An ended subscription started again: a new period from now on the plan, seats and interval named. */
  | Readonly<{ kind: 'restart'; planId: string; quantity: number; interval: BillingInterval }>;

export type ScheduledChange = Readonly<{
  effectiveAt: Instant;
  target: TargetState;
  changes: readonly ChangeDescriptor[];
}>;

/** The next bill: the renewal at the next period boundary, with every item as it will be then. */
export type NextBill = Readonly<{
  date: Instant;
  period: Period;
  lines: readonly QuoteLine[];
  total: Money;
  creditApplied: Money;
  amountDue: Money;
}>;

export type CreditBalanceMovement = Readonly<{
  before: Money;
  /** Existing credit used to pay this change's charges. */
  applied: Money;
  /** Credit left over from this change's credits, kept for future invoices. */
  added: Money;
  /** Credit left over that the catalog's credit behaviour does not keep. */
  forfeited: Money;
  after: Money;
}>;

/** The subscription's schedule, items, pending change and credit once the change is confirmed. */
export type SubscriptionAfter = SubscriptionChanges;

export type NoChangeReason = 'same_as_current' | 'same_as_scheduled';

/** The exact price of a requested change at an instant, and everything confirming it would do. */
export type Quote = Readonly<{
  quotedAt: Instant;
  currency: CurrencyCode;
  target: TargetState;
  /** Set when confirming would change nothing; such a quote cannot be confirmed. */
  noChange: Readonly<{ reason: NoChangeReason }> | null;
  /** What takes effect now, and what is scheduled for the period end. */
  appliedNow: readonly ChangeDescriptor[];
  scheduled: ScheduledChange | null;
  /** The pending scheduled change that confirming replaces (a later change always replaces it). */
  replacesPendingChange: PendingChange | null;
  lines: readonly QuoteLine[];
  totals: Readonly<{ charges: Money; credits: Money; net: Money }>;
  /** Due now before existing credit is applied, and after. */
  dueNowBeforeCredit: Money;
  dueNow: Money;
  creditBalance: CreditBalanceMovement;
  documents: Readonly<{ creditNote: CreditNoteDraft | null; invoice: InvoiceDraft | null }>;
  nextBill: NextBill;
  entitlements: Readonly<{ fromNow: Entitlements; afterScheduled: Entitlements | null }>;
  /** Manual when a product added now needs a person to finish provisioning it. */
  provisioning: 'automatic' | 'manual';
  after: SubscriptionAfter;
}>;

/** Why a quote could not be made. */
export type QuoteError =
  | (ChangeBlocker & Readonly<{ field: null }>)
  | RequestProblem
  | Readonly<{ reason: 'renewal_due'; periodEnd: Instant; field: null }>
  | Readonly<{ reason: 'instant_before_period'; periodStart: Instant; field: null }>
  | Readonly<{ reason: 'amount_out_of_range'; field: null }>;

export type QuoteResult = Readonly<{ ok: true; quote: Quote }> | Readonly<{ ok: false; errors: readonly QuoteError[] }>;
