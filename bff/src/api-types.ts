// The bodies the API answers, in terms of the engine's types only, so that the SPA can import
// them (type-only) and call the API with the same shapes the BFF builds. The BFF's builders are
// annotated with these types, so the two cannot drift apart.
import type { Catalog, Entitlements } from '@planshift/shared/catalog';
import type { DocumentLine } from '@planshift/shared/documents';
import type { ChangeBlocker, ChangeOptions, ChangeRequest } from '@planshift/shared/eligibility';
import type { CurrencyCode, Money } from '@planshift/shared/money';
import type { BillingInterval, Instant, Period } from '@planshift/shared/periods';
import type {
  ChangeDescriptor,
  CreditBalanceMovement,
  NextBill,
  Quote,
  ScheduledChange,
} from '@planshift/shared/quote';
import type { PendingChange, Subscription, SubscriptionStatus, TargetState } from '@planshift/shared/subscription';

export type Role = 'owner' | 'billing_admin' | 'member';

/** The portal's languages: English, Romanian, Greek, French, Italian and Swedish. */
export const LOCALES = ['en', 'ro', 'el', 'fr', 'it', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];

export type ErrorBody = Readonly<{ code: string; message: string; field: string | null; details?: unknown }>;

export type UserView = Readonly<{ id: string; name: string; email: string; role: Role; canManageBilling: boolean }>;

export type SessionView = Readonly<{ user: UserView; accountId: string; csrfToken: string }>;

export type ClockView = Readonly<{ now: Instant; testClock: boolean }>;

export type AccountView = Readonly<{
  now: Instant;
  user: UserView;
  account: Readonly<{
    id: string;
    name: string;
    currency: CurrencyCode;
    locale: Locale;
    billingEmail: string;
    billingAddress: Readonly<{ line1: string; city: string; postalCode: string; country: string }>;
    paymentMethod: Readonly<{ brand: string; last4: string; expMonth: number; expYear: number }> | null;
    creditBalance: Money;
  }>;
  subscription: Readonly<{
    id: string;
    status: Subscription['status'];
    signupAt: Instant;
    plan: Readonly<{
      id: string;
      name: string;
      group: string | null;
      groupName: string | null;
      pricing: 'per_seat' | 'flat';
      unitAmount: Money;
    }>;
    interval: BillingInterval;
    quantity: number;
    addOns: readonly Readonly<{ id: string; name: string; quantity: number; unitAmount: Money }>[];
    pricePerCycle: Money;
    currentPeriod: Period;
    nextBill: Readonly<{
      date: Instant;
      total: Money;
      creditApplied: Money;
      amountDue: Money;
      lines: readonly DocumentLine[];
    }> | null;
    entitlements: Entitlements;
  }>;
  scheduledChange: Readonly<{
    id: string;
    effectiveAt: Instant;
    target: TargetState;
    changes: readonly ChangeDescriptor[];
    entitlements: Entitlements;
  }> | null;
  provisioningPending: boolean;
  /** The limits and features the subscribed plan brings once a person completes its provisioning. */
  entitlementsOnProvisioning: Entitlements | null;
  unpaidInvoices: number;
  change: Readonly<{ possible: boolean; blockers: readonly ChangeBlocker[] }>;
}>;

/** What the browser needs to price every choice itself with the engine, at the server's instant. */
export type OptionsView = Readonly<{
  now: Instant;
  options: ChangeOptions;
  catalog: Catalog & Readonly<{ id: string; name: string; groups: readonly Readonly<{ id: string; name: string }>[] }>;
  subscription: Subscription;
  version: number;
}>;

export type QuoteView = Readonly<{ id: string; expiresAt: Instant; request: ChangeRequest; quote: Quote }>;

export type IssuedDocumentView = Readonly<{ id: string; number: string; total: Money; amountDue: Money }>;

export type ConfirmationView = Readonly<{
  changeId: string;
  orderId: string;
  quoteId: string;
  confirmedAt: Instant;
  appliedNow: readonly ChangeDescriptor[];
  scheduled: ScheduledChange | null;
  replacedPendingChange: PendingChange | null;
  documents: Readonly<{ invoice: IssuedDocumentView | null; creditNote: IssuedDocumentView | null }>;
  charged: Money;
  creditBalance: CreditBalanceMovement;
  entitlements: Quote['entitlements'];
  nextBill: NextBill;
  provisioning: 'automatic' | 'pending';
}>;

export type DocumentSummaryView = Readonly<{
  id: string;
  kind: 'invoice' | 'credit_note';
  reason: 'change' | 'renewal';
  number: string;
  issuedAt: Instant;
  total: Money;
  amountDue: Money;
  amountPaid: Money;
  status: 'issued' | 'paid' | 'unpaid';
  relatedDocumentId: string | null;
}>;

export type DocumentView = DocumentSummaryView &
  Readonly<{
    lines: readonly DocumentLine[];
    seller: unknown;
    customer: unknown;
    locale: Locale;
    creditNoteApplied: number;
    creditBalanceApplied: number;
    forfeited: number;
  }>;

/** What paying an open invoice did: the invoice as it stands now, and the subscription's status. */
export type InvoicePaymentView = Readonly<{
  invoice: DocumentSummaryView;
  subscriptionStatus: SubscriptionStatus;
}>;
