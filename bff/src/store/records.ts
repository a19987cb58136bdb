import type { Locale, Role } from '@planshift/shared/account';
import type { CancellationReason, PaymentChallengeView, PaymentMethodView } from '@planshift/shared/api';
import type { BillingAddress, BillingDetails } from '@planshift/shared/billing-details';
import type { Catalog, Entitlements, Named } from '@planshift/shared/catalog';
import type { CreditNoteDraft, DocumentLine, InvoiceDraft } from '@planshift/shared/documents';
import type { CurrencyCode } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import type { Subscription, TargetState } from '@planshift/shared/subscription';

/** A card on file as the API shows it, with its account, the processor's token and when it was added. */
export type PaymentMethodRecord = PaymentMethodView &
  Readonly<{ accountId: string; token: string; createdAt: Instant }>;

/** The default card as a charge needs it: what identifies it to people, and what the provider charges. */
export type PaymentMethod = Pick<PaymentMethodView, 'brand' | 'last4' | 'expMonth' | 'expYear'> &
  Readonly<{
    /** What the payment provider charges: its token for the card (never the card's number). */
    reference: string;
  }>;

export type ChallengeStatus = PaymentChallengeView['status'];

/**
 * A payment waiting for the customer to answer their bank (3-D Secure), for an order or an open
 * invoice, and how it ended. Its id is the processor's challenge id.
 */
export type PaymentChallengeRecord = Readonly<{
  id: string;
  accountId: string;
  subscriptionId: string;
  paymentAttemptId: string;
  orderId: string | null;
  invoiceId: string | null;
  amount: number;
  currency: CurrencyCode;
  card: PaymentChallengeView['card'];
  /** Who is paid, as the bank names them: the seller on the documents. */
  merchant: string;
  status: ChallengeStatus;
  createdAt: Instant;
  /** System-clock instant after which it is given up. */
  expiresAt: Instant;
  endedAt: Instant | null;
}>;

export type AccountRecord = Readonly<{
  id: string;
  name: string;
  catalogId: string;
  currency: CurrencyCode;
  locale: Locale;
  billingEmail: string;
  billingAddress: BillingAddress;
  /** The name documents are issued to; null: the account's name. */
  billingName: string | null;
  taxId: string | null;
  /** The default card on file, which every charge goes to. */
  paymentMethod: PaymentMethod | null;
  createdAt: Instant;
}>;

export type UserRecord = Readonly<{
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}>;

export type SessionRecord = Readonly<{
  idHash: string;
  userId: string;
  accountId: string;
  csrfToken: string;
  createdAt: Instant;
  expiresAt: Instant;
}>;

export type CatalogRecord = Readonly<{
  id: string;
  name: string;
  groups: readonly (Named & Readonly<{ id: string }>)[];
  catalog: Catalog;
}>;

export type ScheduledChangeRecord = Readonly<{
  id: string;
  effectiveAt: Instant;
  target: TargetState;
  changes: readonly ChangeDescriptor[];
  createdAt: Instant;
}>;

/**
 * A cancellation at the period end: pending (the subscription's pending change), or applied
 * (it ended the subscription, which is canceled since).
 */
export type CancellationRecord = Readonly<{
  id: string;
  status: 'pending' | 'applied';
  effectiveAt: Instant;
  reason: CancellationReason | null;
  comment: string | null;
  createdAt: Instant;
  /** The scheduled change this cancellation replaced (its row `replaced` since): resuming makes it pending again. */
  replaced: ScheduledChangeRecord | null;
}>;

/** Everything the engine needs to price a change for an account, and the version it was read at. */
export type BillingState = Readonly<{
  account: AccountRecord;
  catalog: CatalogRecord;
  subscription: Subscription;
  version: number;
  signupAt: Instant;
  scheduledChange: ScheduledChangeRecord | null;
  /** The pending cancellation, or the applied one while the subscription it ended is canceled. */
  cancellation: CancellationRecord | null;
  /** A confirmed change whose provisioning a person has still to finish, and what stays in force meanwhile. */
  pendingProvisioning: PendingProvisioning | null;
}>;

export type DocumentRecord = Readonly<{
  id: string;
  kind: 'invoice' | 'credit_note';
  reason: 'change' | 'renewal';
  number: string;
  currency: CurrencyCode;
  total: number;
  creditNoteApplied: number;
  creditBalanceApplied: number;
  forfeited: number;
  amountDue: number;
  /** Paid by card so far (invoices): an invoice is unpaid while this is below amountDue. */
  amountPaid: number;
  /** When the invoice was paid in full: its last card payment, or its issue when credit paid it all; null while unpaid. */
  paidAt: Instant | null;
  relatedDocumentId: string | null;
  issuedAt: Instant;
  locale: Locale;
  seller: Seller;
  customer: Customer;
  lines: readonly IssuedLine[];
}>;

/** A document line as issued: with the item's name as the catalog called it that day. */
export type IssuedLine = DocumentLine & Readonly<{ itemName: string }>;

/**
 * Who a document is addressed to, as it stood when the document was issued (the account's
 * billing details then). Documents issued before billing details were editable have no taxId,
 * nor the address's line2 and region.
 */
export type Customer = Omit<BillingDetails, 'address' | 'taxId'> &
  Readonly<{
    address: Omit<BillingAddress, 'line2' | 'region'> & Partial<Pick<BillingAddress, 'line2' | 'region'>>;
    taxId?: BillingDetails['taxId'];
  }>;

export type OrderRecord = Readonly<{
  id: string;
  accountId: string;
  subscriptionId: string;
  /** The token of the quote it confirms (docs/decisions/024). */
  quoteId: string;
  userId: string;
  idempotencyKey: string;
  paymentAttemptId: string;
  subscriptionVersion: number;
  /** The processor's token of the card the order charges, fixed at its claim (null for orders from before). */
  paymentMethodToken: string | null;
  amount: number;
  currency: CurrencyCode;
  status: 'pending' | 'succeeded' | 'failed';
  createdAt: Instant;
  /** Set when the charge was refunded because the change could not be applied. */
  refundId?: string | null;
}>;

export type StoredResponse = Readonly<{ status: number; body: unknown }>;

/** Numbers the store gave the documents of a change, in its one transaction. */
export type IssuedDocuments = Readonly<{
  creditNote: Readonly<{ id: string; number: string }> | null;
  invoice: Readonly<{ id: string; number: string }> | null;
}>;

/**
 * The complete effect of a confirmed, paid change as the engine decided it: the store writes
 * all of it in one transaction, or none of it.
 */
export type ChangeSet = Readonly<{
  order: OrderRecord;
  at: Instant;
  subscription: Subscription;
  /** The pending change the engine scheduled (replacing any earlier one), or null. */
  scheduled: Readonly<{
    id: string;
    effectiveAt: Instant;
    target: TargetState;
    changes: readonly ChangeDescriptor[];
  }> | null;
  /** True when confirming drops the pending change (replaced by this one, or by nothing). */
  endsPendingChange: boolean;
  creditNote: CreditNoteDraft | null;
  invoice: InvoiceDraft | null;
  /** Balance before and after; the store writes the ledger entries that move it. */
  creditApplied: number;
  creditAdded: number;
  payment: Readonly<{ chargeId: string; amount: number }> | null;
  changeId: string;
  provisioning: 'automatic' | 'pending';
  /** With provisioning pending: the limits and features that stay in force until a person completes it. */
  activeEntitlements: Entitlements | null;
  appliedNow: readonly ChangeDescriptor[];
  /** Plan and add-on names by id, printed on the documents' lines. */
  itemNames: Readonly<Record<string, string>>;
}>;

/**
 * Who issues the documents. The country is an ISO 3166 code, named in each document's language;
 * documents issued before it was kept have it in the address instead.
 */
export type Seller = Readonly<{ name: string; address: string; country?: string; vatId: string; email: string }>;

/** A scenario turned into rows by the engine: what a reset writes, after deleting everything. */
export type SeedPlan = Readonly<{
  clock: Instant | null;
  seller: Seller;
  catalogs: readonly CatalogRecord[];
  accounts: readonly Readonly<{
    account: Omit<AccountRecord, 'paymentMethod'>;
    /** The cards on file, the first the default. */
    cards: readonly Omit<PaymentMethodRecord, 'accountId' | 'createdAt'>[];
    users: readonly UserRecord[];
    openingCredit: number;
    subscription: Subscription;
    signupAt: Instant;
    scheduledChange: ScheduledChangeRecord | null;
    cancellation: CancellationRecord | null;
    /** The current period's invoice, issued at its start; paid by card unless left unpaid. */
    invoice: InvoiceDraft;
    invoicePaid: boolean;
  }>[];
}>;

/** An invoice with an amount still to collect from the card on file. */
export type CollectionDue = Readonly<{
  invoiceId: string;
  number: string;
  accountId: string;
  subscriptionId: string;
  /** What is still unpaid, in minor units. */
  amount: number;
  currency: CurrencyCode;
  /** Collection attempts made so far: the next one's attempt id is derived from it. */
  attempts: number;
  recipient: string;
  locale: Locale;
  paymentMethod: PaymentMethod | null;
}>;

export type CollectionResult = Readonly<{
  due: CollectionDue;
  paymentAttemptId: string;
  /** The customer paid it themselves (Pay now): they get a receipt, and a refusal is told on screen, not by e-mail. */
  customerPresent: boolean;
  outcome:
    | Readonly<{ status: 'succeeded'; chargeId: string }>
    | Readonly<{ status: 'failed'; decline: string; message: string }>;
}>;

export type PendingProvisioning = Readonly<{ changeId: string; activeEntitlements: Entitlements }>;

/** An e-mail a use case asks the store to queue with its write: the outbox row's kind, recipient and payload. */
export type OutboxMessageDraft = Readonly<{ kind: string; recipient: string; payload: unknown }>;

/** An e-mail queued in the outbox in the same transaction as the change that caused it. */
export type OutboxRecord = Readonly<{
  id: string;
  accountId: string;
  kind: string;
  recipient: string;
  payload: unknown;
  /** Failed sends so far. */
  attempts: number;
  createdAt: Instant;
}>;

/** A confirmed change as its e-mails describe it. */
export type ConfirmedChangeSummary = Readonly<{
  confirmedAt: Instant;
  appliedNow: readonly ChangeDescriptor[];
  scheduled: Readonly<{ effectiveAt: Instant; changes: readonly ChangeDescriptor[] }> | null;
  provisioning: 'automatic' | 'pending' | 'completed';
  /** The items' names in every language the catalog gives: the e-mail picks its own. */
  itemNames: Readonly<Record<string, Named>>;
}>;

/** A customer's request for sales, as sent. */
export type SalesRequestRecord = Readonly<{
  id: string;
  accountId: string;
  userId: string;
  planId: string;
  planName: string;
  currentPlanName: string;
  currentSeats: number;
  seats: number;
  message: string;
  contactName: string;
  contactEmail: string;
  sentTo: string;
  createdAt: Instant;
}>;
