import { ROLES } from '@planshift/shared/account';
import { DOCUMENT_KINDS, DOCUMENT_REASONS } from '@planshift/shared/documents';
import { SUBSCRIPTION_STATUSES } from '@planshift/shared/subscription';
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Money columns are integer minor units; instants are integer epoch seconds (docs/decisions/003);
// structured values the engine owns (limits, targets, quotes) are JSON text.

export const catalogs = sqliteTable('catalogs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Bumped whenever a price or rule changes, so that a quote can tell it is stale. */
  version: text('version').notNull(),
  policies: text('policies', { mode: 'json' }).notNull(),
});

export const planGroups = sqliteTable(
  'plan_groups',
  {
    catalogId: text('catalog_id')
      .notNull()
      .references(() => catalogs.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
    /** The name in the portal's other languages (JSON, by locale); `name` is the English fallback. */
    names: text('names', { mode: 'json' }).notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.catalogId, t.id] })],
);

export const plans = sqliteTable(
  'plans',
  {
    catalogId: text('catalog_id')
      .notNull()
      .references(() => catalogs.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
    names: text('names', { mode: 'json' }).notNull().default({}),
    groupId: text('group_id'),
    rank: integer('rank').notNull(),
    pricing: text('pricing', { enum: ['per_seat', 'flat'] }).notNull(),
    minQuantity: integer('min_quantity').notNull(),
    maxQuantity: integer('max_quantity').notNull(),
    salesOnly: integer('sales_only', { mode: 'boolean' }).notNull(),
    selfServiceChangeable: integer('self_service_changeable', { mode: 'boolean' }).notNull(),
    needsManualProvisioning: integer('needs_manual_provisioning', { mode: 'boolean' }).notNull(),
    limits: text('limits', { mode: 'json' }).notNull(),
    features: text('features', { mode: 'json' }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.catalogId, t.id] })],
);

export const addOns = sqliteTable(
  'add_ons',
  {
    catalogId: text('catalog_id')
      .notNull()
      .references(() => catalogs.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
    names: text('names', { mode: 'json' }).notNull().default({}),
    /** JSON array of plan ids, or the string "all". */
    compatiblePlanIds: text('compatible_plan_ids', { mode: 'json' }).notNull(),
    minQuantity: integer('min_quantity').notNull(),
    maxQuantity: integer('max_quantity').notNull(),
    limits: text('limits', { mode: 'json' }).notNull(),
    limitIncrements: text('limit_increments', { mode: 'json' }).notNull(),
    features: text('features', { mode: 'json' }).notNull(),
    needsManualProvisioning: integer('needs_manual_provisioning', { mode: 'boolean' }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.catalogId, t.id] })],
);

export const prices = sqliteTable(
  'prices',
  {
    catalogId: text('catalog_id')
      .notNull()
      .references(() => catalogs.id),
    id: text('id').notNull(),
    productType: text('product_type', { enum: ['plan', 'add_on'] }).notNull(),
    productId: text('product_id').notNull(),
    intervalUnit: text('interval_unit', { enum: ['month', 'year'] }).notNull(),
    intervalCount: integer('interval_count').notNull(),
    currency: text('currency').notNull(),
    unitAmount: integer('unit_amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.catalogId, t.id] }),
    index('prices_product').on(t.catalogId, t.productType, t.productId),
    check('prices_unit_amount_non_negative', sql`${t.unitAmount} >= 0`),
  ],
);

export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  catalogId: text('catalog_id')
    .notNull()
    .references(() => catalogs.id),
  currency: text('currency').notNull(),
  locale: text('locale').notNull(),
  billingEmail: text('billing_email').notNull(),
  billingAddress: text('billing_address', { mode: 'json' }).notNull(),
  /** The name documents are issued to; null: the account's name. */
  billingName: text('billing_name'),
  /** The VAT or tax ID printed on documents (an EU VAT number compact and prefixed), if any. */
  taxId: text('tax_id'),
  createdAt: integer('created_at').notNull(),
});

/** The credit balance is the sum of these entries: credit is never a mutable number. */
export const creditLedger = sqliteTable(
  'credit_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason', { enum: ['credit_note', 'applied_to_invoice', 'opening_balance'] }).notNull(),
    documentId: text('document_id').references(() => documents.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('credit_ledger_account').on(t.accountId)],
);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
  },
  (t) => [uniqueIndex('users_email').on(t.email)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the session id: a leaked table does not leak usable cookies. */
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status', { enum: SUBSCRIPTION_STATUSES }).notNull(),
    intervalUnit: text('interval_unit', { enum: ['month', 'year'] }).notNull(),
    intervalCount: integer('interval_count').notNull(),
    anchor: integer('anchor').notNull(),
    periodIndex: integer('period_index').notNull(),
    signupAt: integer('signup_at').notNull(),
    /** Optimistic concurrency: every change bumps it, and a quote remembers the one it priced. */
    version: integer('version').notNull(),
    /** Manual provisioning a person has still to finish, from the change that needs it. */
    provisioningChangeId: text('provisioning_change_id'),
    /** The end of the period at periodIndex, kept with it so the renewal run finds what is due by index. */
    currentPeriodEnd: integer('current_period_end').notNull(),
  },
  (t) => [
    uniqueIndex('subscriptions_account').on(t.accountId),
    index('subscriptions_renewal_due').on(t.currentPeriodEnd, t.id),
  ],
);

export const subscriptionItems = sqliteTable(
  'subscription_items',
  {
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    kind: text('kind', { enum: ['plan', 'add_on'] }).notNull(),
    productId: text('product_id').notNull(),
    priceId: text('price_id').notNull(),
    unitAmount: integer('unit_amount').notNull(),
    quantity: integer('quantity').notNull(),
    billedInPeriod: integer('billed_in_period').notNull(),
    creditedInPeriod: integer('credited_in_period').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subscriptionId, t.kind, t.productId] }),
    check('subscription_items_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export const scheduledChanges = sqliteTable(
  'scheduled_changes',
  {
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    effectiveAt: integer('effective_at').notNull(),
    target: text('target', { mode: 'json' }).notNull(),
    changes: text('changes', { mode: 'json' }).notNull(),
    status: text('status', { enum: ['pending', 'canceled', 'replaced', 'applied'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    createdByUserId: text('created_by_user_id'),
    endedAt: integer('ended_at'),
  },
  (t) => [uniqueIndex('scheduled_changes_one_pending').on(t.subscriptionId).where(sql`${t.status} = 'pending'`)],
);

export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    /**
     * The quote's id: the signed token it was confirmed with (docs/decisions/024), from which
     * the order is priced again; a UUID for orders from when quotes were stored.
     */
    quoteId: text('quote_id').notNull(),
    userId: text('user_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** Derived from account and idempotency key: the provider's own idempotency key. */
    paymentAttemptId: text('payment_attempt_id').notNull(),
    subscriptionVersion: integer('subscription_version').notNull(),
    /** The processor's token of the card the order charges, fixed when it is claimed (null: before cards were kept apart). */
    paymentMethodToken: text('payment_method_token'),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    failure: text('failure'),
    /** The processor's refund of a charge that could not be applied (the order then ends failed). */
    refundId: text('refund_id'),
    createdAt: integer('created_at').notNull(),
    completedAt: integer('completed_at'),
  },
  (t) => [
    uniqueIndex('orders_payment_attempt').on(t.paymentAttemptId),
    // A key reused after its 48 hours are swept is recognised by its order.
    index('orders_idempotency_key').on(t.accountId, t.idempotencyKey),
    uniqueIndex('orders_one_pending_per_subscription').on(t.subscriptionId).where(sql`${t.status} = 'pending'`),
  ],
);

/** What a confirmed order did: the engine's quote as applied, and whether a person must finish it. */
export const confirmedChanges = sqliteTable(
  'confirmed_changes',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .unique()
      .references(() => orders.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    appliedNow: text('applied_now', { mode: 'json' }).notNull(),
    scheduledChangeId: text('scheduled_change_id').references(() => scheduledChanges.id),
    provisioning: text('provisioning', { enum: ['automatic', 'pending', 'completed'] }).notNull(),
    /** While provisioning is pending, the limits and features still in force (the new ones wait for a person). */
    activeEntitlements: text('active_entitlements', { mode: 'json' }),
    provisionedAt: integer('provisioned_at'),
    confirmedAt: integer('confirmed_at').notNull(),
  },
  (t) => [index('confirmed_changes_provisioning').on(t.subscriptionId, t.provisioning)],
);

export const documentSequences = sqliteTable(
  'document_sequences',
  {
    series: text('series').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] })],
);

export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    reason: text('reason', { enum: DOCUMENT_REASONS }).notNull(),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    currency: text('currency').notNull(),
    total: integer('total').notNull(),
    /** Invoice: paid by the credit note issued with it. Credit note: applied to that invoice. */
    creditNoteApplied: integer('credit_note_applied').notNull(),
    /** Invoice: paid from the existing balance. Credit note: kept as balance. */
    creditBalanceApplied: integer('credit_balance_applied').notNull(),
    forfeited: integer('forfeited').notNull(),
    /** What the card owes after credits; whether it is paid is told by payments, never by editing this row. */
    amountDue: integer('amount_due').notNull(),
    relatedDocumentId: text('related_document_id'),
    orderId: text('order_id').references(() => orders.id),
    seller: text('seller', { mode: 'json' }).notNull(),
    customer: text('customer', { mode: 'json' }).notNull(),
    locale: text('locale').notNull(),
    issuedAt: integer('issued_at').notNull(),
  },
  (t) => [
    uniqueIndex('documents_number').on(t.series, t.year, t.sequence),
    index('documents_account').on(t.accountId, t.issuedAt),
    index('documents_subscription').on(t.subscriptionId, t.kind),
  ],
);

export const documentLines = sqliteTable(
  'document_lines',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    itemType: text('item_type', { enum: ['plan', 'add_on'] }).notNull(),
    itemId: text('item_id').notNull(),
    /** The plan's or add-on's name when issued: a document never changes with the catalog. */
    itemName: text('item_name').notNull(),
    priceId: text('price_id').notNull(),
    quantity: integer('quantity').notNull(),
    unitAmount: integer('unit_amount').notNull(),
    coversStart: integer('covers_start').notNull(),
    coversEnd: integer('covers_end').notNull(),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    fractionUnit: text('fraction_unit', { enum: ['second', 'day'] }).notNull(),
    fractionNumerator: integer('fraction_numerator').notNull(),
    fractionDenominator: integer('fraction_denominator').notNull(),
    amount: integer('amount').notNull(),
    capped: integer('capped', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.position] })],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    orderId: text('order_id').references(() => orders.id),
    invoiceId: text('invoice_id').references(() => documents.id),
    paymentAttemptId: text('payment_attempt_id').notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['succeeded', 'failed'] }).notNull(),
    chargeId: text('charge_id'),
    declineCode: text('decline_code'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('payments_attempt').on(t.paymentAttemptId), index('payments_invoice').on(t.invoiceId)],
);

export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    state: text('state', { enum: ['in_progress', 'completed'] }).notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    orderId: text('order_id'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] }), index('idempotency_keys_expiry').on(t.expiresAt)],
);

export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: integer('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    sentAt: integer('sent_at'),
    /** Why the last attempt failed, for whoever looks into an e-mail that did not arrive. */
    lastError: text('last_error'),
  },
  (t) => [index('outbox_due').on(t.sentAt, t.nextAttemptAt)],
);

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: text('account_id').notNull(),
    userId: text('user_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    data: text('data', { mode: 'json' }).notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('audit_events_account').on(t.accountId, t.at)],
);

/** One row: the seller on every document, and the test clock (null: real time). */
export const system = sqliteTable('system', {
  id: integer('id').primaryKey(),
  seller: text('seller', { mode: 'json' }).notNull(),
  frozenAt: integer('frozen_at'),
});

/**
 * Collecting an invoice's amount due from the card on file: the attempts so far and when the
 * next is due. The invoice itself never changes; whether it is paid is told by its payments.
 */
export const collections = sqliteTable(
  'collections',
  {
    invoiceId: text('invoice_id')
      .primaryKey()
      .references(() => documents.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    attempts: integer('attempts').notNull(),
    /** Null once paid, or when the retry schedule is exhausted (the customer can still pay). */
    nextAttemptAt: integer('next_attempt_at'),
    lastDecline: text('last_decline'),
    paidAt: integer('paid_at'),
  },
  (t) => [index('collections_due').on(t.nextAttemptAt, t.invoiceId)],
);

/**
 * Holds a row only inside a QA reset's transaction: the triggers that forbid deleting an issued
 * document let that one transaction through (0004_documents_immutable_renewals_collections.sql).
 */
export const resetGuard = sqliteTable('reset_guard', { id: integer('id').primaryKey() });

/**
 * One writer per subscription at a time (docs/decisions/006): a row here is a claim that spans
 * a payment (an order being confirmed, an invoice being collected). Writers that finish in one
 * transaction check it there; writers that call the processor hold it until they record.
 */
export const subscriptionClaims = sqliteTable('subscription_claims', {
  subscriptionId: text('subscription_id')
    .primaryKey()
    .references(() => subscriptions.id),
  /** What holds it: `order:<id>` or `invoice:<id>`. */
  holder: text('holder').notNull(),
  /** The BFF instance and boot that took it (`<instance>/<boot>`): a restarted instance knows its own dead claims. */
  owner: text('owner').notNull(),
  /** Wall-clock seconds after which another instance may take the claim over (the lease). */
  expiresAt: integer('expires_at').notNull(),
  claimedAt: integer('claimed_at').notNull(),
});

/** Failed sign-ins per account (`account:<email>`) and per address (`address:<ip>`): a short, growing delay. */
export const signInThrottle = sqliteTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: integer('last_failure_at').notNull(),
  blockedUntil: integer('blocked_until').notNull(),
});

/** Each issued document's PDF, rendered once off the event loop: documents never change after issue. */
export const documentPdfs = sqliteTable('document_pdfs', {
  documentId: text('document_id')
    .primaryKey()
    .references(() => documents.id),
  pdf: blob('pdf', { mode: 'buffer' }).notNull(),
  renderedAt: integer('rendered_at').notNull(),
});

/**
 * A cancellation at the period end (the subscription's other kind of pending change): at most
 * one pending per subscription, and never beside a pending scheduled change. It ends `resumed`
 * by the customer, `replaced` by a change confirmed later, or `applied` by the period-end run,
 * which cancels the subscription. The reason the customer gave is kept for the business.
 */
export const subscriptionCancellations = sqliteTable(
  'subscription_cancellations',
  {
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    effectiveAt: integer('effective_at').notNull(),
    /** One of the reasons the portal offers (CANCELLATION_REASONS), or null when none was given. */
    reason: text('reason'),
    /** What the customer wrote, if anything. */
    comment: text('comment'),
    status: text('status', { enum: ['pending', 'resumed', 'replaced', 'applied'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    createdByUserId: text('created_by_user_id'),
    endedAt: integer('ended_at'),
    endedByUserId: text('ended_by_user_id'),
    /** The scheduled change this cancellation replaced (status `replaced` since): resuming makes it pending again. */
    replacedScheduledChangeId: text('replaced_scheduled_change_id').references(() => scheduledChanges.id),
  },
  (t) => [
    uniqueIndex('subscription_cancellations_one_pending').on(t.subscriptionId).where(sql`${t.status} = 'pending'`),
    index('subscription_cancellations_subscription').on(t.subscriptionId, t.status),
  ],
);

/**
 * What customers asked sales for ("Contact sales"): kept as sent, e-mailed to the sales address
 * through the outbox, and listed for an operator by `npm run sales -- list`.
 */
export const salesRequests = sqliteTable(
  'sales_requests',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    planId: text('plan_id').notNull(),
    /** The plan's name when asked, and what the account had then: sales reads the request as it was sent. */
    planName: text('plan_name').notNull(),
    currentPlanName: text('current_plan_name').notNull(),
    currentSeats: integer('current_seats').notNull(),
    seats: integer('seats').notNull(),
    message: text('message').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    /** The sales address it was e-mailed to. */
    sentTo: text('sent_to').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('sales_requests_account').on(t.accountId, t.createdAt)],
);

/**
 * The cards on file: the processor's token to charge and what identifies the card to people
 * (brand, last four, expiry), never its number or security code. One is the default, which every
 * charge goes to.
 */
export const paymentMethods = sqliteTable(
  'payment_methods',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    token: text('token').notNull(),
    brand: text('brand').notNull(),
    last4: text('last4').notNull(),
    expMonth: integer('exp_month').notNull(),
    expYear: integer('exp_year').notNull(),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('payment_methods_account').on(t.accountId, t.createdAt),
    uniqueIndex('payment_methods_one_default').on(t.accountId).where(sql`${t.isDefault} = 1`),
  ],
);

/**
 * A payment the card's bank asked the customer to authenticate (3-D Secure), for an order or an
 * invoice: open while the processor waits for the answer, then how it ended. While open, its
 * order (or, for an invoice, the claim `challenge:<id>`) holds the subscription.
 */
export const paymentChallenges = sqliteTable(
  'payment_challenges',
  {
    /** The processor's challenge id. */
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    paymentAttemptId: text('payment_attempt_id').notNull(),
    orderId: text('order_id').references(() => orders.id),
    invoiceId: text('invoice_id').references(() => documents.id),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    /** The processor's token of the card being authenticated: it stays on file while the challenge is open. */
    paymentMethodToken: text('payment_method_token').notNull(),
    /** That card as the bank page names it (null when it was not on file). */
    brand: text('brand'),
    last4: text('last4'),
    status: text('status', { enum: ['open', 'succeeded', 'failed', 'expired'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    /** System-clock instant after which an unanswered challenge is given up: nothing charged, nothing changed. */
    expiresAt: integer('expires_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [
    uniqueIndex('payment_challenges_attempt').on(t.paymentAttemptId),
    index('payment_challenges_open').on(t.status, t.expiresAt),
    index('payment_challenges_invoice').on(t.invoiceId, t.status),
  ],
);

/**
 * The simulated card processor's own records (payments/sqlite-charge-ledger.ts): a service outside
 * the BFF that happens to keep them in the world's database, written only through its own
 * connection, never in a BFF transaction. One row per key: a charge's or a refund's attempt id, or
 * a vaulted card's token; a charge's row is replaced once by its authentication's outcome.
 */
export const processorLedger = sqliteTable(
  'processor_ledger',
  {
    key: text('key').primaryKey(),
    kind: text('kind', { enum: ['charge', 'refund', 'card'] }).notNull(),
    status: text('status', { enum: ['requires_action', 'succeeded', 'failed', 'refunded', 'vaulted'] }).notNull(),
    /** A refund's charge (its attempt id): the refunds of a charge are looked up by it. */
    chargeKey: text('charge_key'),
    /** The record as the processor answers it (payments/charge-ledger.ts LedgerRecord), JSON. */
    record: text('record').notNull(),
    /** When the key was first recorded, epoch milliseconds of the processor's clock: the records' order. */
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [index('processor_ledger_charge').on(t.chargeKey)],
);
