import type { Renewal } from '@planshift/shared/apply';
import type { Instant } from '@planshift/shared/periods';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import type {
  BillingState,
  ChangeSet,
  CollectionDue,
  CollectionResult,
  ConfirmedChangeSummary,
  DocumentRecord,
  IssuedDocuments,
  OrderRecord,
  OutboxRecord,
  QuoteRecord,
  SeedPlan,
  SessionRecord,
  StoredResponse,
  UserRecord,
} from './records';

export type ClaimInput = Readonly<{
  accountId: string;
  idempotencyKey: string;
  requestHash: string;
  now: Instant;
  keyExpiresAt: Instant;
  order: Omit<OrderRecord, 'status'>;
}>;

export type ClaimResult =
  | Readonly<{ kind: 'claimed'; order: OrderRecord }>
  /** The key already finished: replay exactly what it answered. */
  | Readonly<{ kind: 'replay'; response: StoredResponse }>
  | Readonly<{ kind: 'key_reused' }>
  /** The key is claimed by an order still pending (in flight, or abandoned by a crash). */
  | Readonly<{ kind: 'in_progress'; order: OrderRecord | null }>
  /** The subscription changed since the quote was priced. */
  | Readonly<{ kind: 'stale' }>
  /** Another writer holds the subscription (an order being confirmed, an invoice being collected). */
  | Readonly<{ kind: 'subscription_busy' }>
  /** The key was used for an order whose key record has since been swept (after 48 hours). */
  | Readonly<{ kind: 'key_expired' }>;

/** What holds a subscription while the card processor is called (docs/decisions/006). */
export type ClaimHolder = `order:${string}` | `collection:${string}`;

/** Who takes claims and for how long: one per BFF process. */
export type ClaimPolicy = Readonly<{
  /** Stable across restarts of the same instance (INSTANCE_ID): its earlier boots' claims are known dead. */
  instance: string;
  /** `<instance>/<boot>`, new for every process. */
  owner: string;
  /** How long a claim holds without its owner finishing, in wall-clock seconds. */
  leaseSeconds: number;
  wallNow: () => Instant;
}>;

export type CollectionClaim = Readonly<{ holder: ClaimHolder; dues: readonly CollectionDue[] }>;

export type CompleteOrderResult =
  | Readonly<{ kind: 'completed'; response: StoredResponse }>
  /** The subscription is not the one the order was priced from (or is gone): refund the charge. */
  | Readonly<{ kind: 'moved' }>;

export type ProvisioningTask = Readonly<{
  changeId: string;
  accountId: string;
  accountName: string;
  confirmedAt: Instant;
  appliedNow: readonly ChangeDescriptor[];
}>;

export type RenewalCursor = Readonly<{ periodEnd: Instant; subscriptionId: string }>;

export type FailOrderInput = Readonly<{
  order: OrderRecord;
  at: Instant;
  /** How it failed, with the answer to replay; null when the charge never reached the provider: the claim is undone. */
  outcome:
    | Readonly<{ kind: 'declined'; declineCode: string }>
    /** The subscription moved: the change was not applied, and what was captured was refunded (refundId). */
    | Readonly<{ kind: 'not_applied'; refundId: string | null; reason: string }>
    | null;
  response: StoredResponse | null;
}>;

/**
 * Persistence, dialect-neutral at its interface: every method is one transaction, and the
 * engine has already decided what each write means. Only implementations know the database.
 */
export interface Store {
  // Sessions and users
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUser(userId: string): Promise<UserRecord | null>;
  createSession(session: SessionRecord): Promise<void>;
  findSession(idHash: string, now: Instant): Promise<SessionRecord | null>;
  deleteSession(idHash: string): Promise<void>;

  // Reading an account
  loadBillingState(accountId: string): Promise<BillingState | null>;
  listDocuments(accountId: string): Promise<DocumentRecord[]>;
  findDocument(accountId: string, documentId: string): Promise<DocumentRecord | null>;

  // Quotes
  saveQuote(quote: QuoteRecord): Promise<void>;
  findQuote(accountId: string, quoteId: string): Promise<QuoteRecord | null>;

  // Confirming: claim, then (after the payment) complete or fail
  findIdempotencyOutcome(
    accountId: string,
    key: string,
  ): Promise<Readonly<{ requestHash: string; response: StoredResponse | null; order: OrderRecord | null }> | null>;
  claimOrder(input: ClaimInput): Promise<ClaimResult>;
  completeOrder(change: ChangeSet, respond: (issued: IssuedDocuments) => StoredResponse): Promise<CompleteOrderResult>;
  failOrder(input: FailOrderInput): Promise<void>;
  pendingOrders(): Promise<OrderRecord[]>;
  /** Recovery takes over a pending order's claim whose owner is gone; false while its owner may still finish it. */
  takeOverOrder(order: OrderRecord): Promise<boolean>;
  findOrder(orderId: string): Promise<OrderRecord | null>;
  findQuoteById(quoteId: string): Promise<QuoteRecord | null>;

  // Scheduled change
  cancelScheduledChange(
    input: Readonly<{ accountId: string; userId: string; expectedVersion: number; at: Instant }>,
  ): Promise<'canceled' | 'none' | 'stale' | 'busy'>;

  // Period ends, and collecting what they bill
  /**
   * Renews, in one transaction, up to `limit` subscriptions whose period has ended by `now`,
   * after `cursor` in the order of their period end: `renew` is the engine deciding from the state
   * read inside that transaction. The cursor it answers continues the walk; null when done.
   */
  renewDue(
    input: Readonly<{
      now: Instant;
      limit: number;
      cursor: RenewalCursor | null;
      renew: (state: BillingState) => readonly Renewal[];
    }>,
  ): Promise<Readonly<{ renewed: number; invoices: number; skipped: number; cursor: RenewalCursor | null }>>;
  dueCollections(now: Instant, limit: number): Promise<CollectionDue[]>;
  findOpenInvoice(accountId: string, invoiceId: string): Promise<CollectionDue | null>;
  /**
   * Claims, under one new holder, the subscriptions of invoices about to be charged; answers the
   * invoices whose subscription it claimed (the rest wait for a next pass).
   */
  claimCollections(dues: readonly CollectionDue[]): Promise<CollectionClaim>;
  /** Gives back the claim's subscriptions whose outcome is unknown: a next pass charges the same attempt again. */
  releaseCollections(claim: CollectionClaim, dues: readonly CollectionDue[]): Promise<void>;
  /**
   * Records collection attempts once each, and only while their claim is held, releasing it;
   * `nextAttemptAt` is the retry schedule. Answers how many were new.
   */
  recordCollections(
    claim: CollectionClaim,
    results: readonly CollectionResult[],
    at: Instant,
    nextAttemptAt: (attempts: number) => Instant | null,
  ): Promise<number>;

  // Provisioning by a person
  pendingProvisioning(): Promise<ProvisioningTask[]>;
  /** Activates a change's new limits and e-mails the customer; 'not_pending' when there is nothing to complete. */
  completeProvisioning(
    input: Readonly<{ changeId: string; operator: string; at: Instant }>,
  ): Promise<'completed' | 'not_pending' | 'busy'>;

  // E-mail: the outbox, and what its messages describe
  dueEmails(now: Instant, limit: number): Promise<OutboxRecord[]>;
  markEmailSent(id: string, at: Instant): Promise<void>;
  /** A failed send; a next attempt far in the future means the dispatcher gave up. */
  markEmailFailed(id: string, attempts: number, nextAttemptAt: Instant, error: string): Promise<void>;
  findChangeSummary(accountId: string, changeId: string): Promise<ConfirmedChangeSummary | null>;
  findAccountName(accountId: string): Promise<string | null>;

  // Maintenance and QA
  hasAccounts(): Promise<boolean>;
  /** True while any writer holds a claim: a QA reset waits for them to settle. */
  hasClaims(): Promise<boolean>;
  /**
   * Removes expired sessions and completed idempotency keys (by wall time) and quotes no order
   * refers to (by the system clock, which priced them).
   */
  purgeExpired(now: Readonly<{ wallNow: Instant; clockNow: Instant }>): Promise<void>;
  resetTo(plan: SeedPlan): Promise<void>;
  readClock(): Promise<Instant | null>;
  writeClock(frozenAt: Instant | null): Promise<void>;

  // Sign-in throttle: failed attempts by key (an e-mail, a client address), in the database so
  // that every BFF process counts the same ones. Times are wall time in milliseconds.
  findSignInThrottles(keys: readonly string[]): Promise<SignInThrottleRecord[]>;
  /** Counts a failure against each key in one transaction: `next` makes a key's record from its current one. */
  recordSignInFailure(
    keys: readonly string[],
    next: (key: string, current: SignInThrottleRecord | null) => SignInThrottleRecord,
  ): Promise<void>;
  clearSignInThrottle(key: string): Promise<void>;
  /** Forgets the keys whose last failure is before `before`; answers how many. */
  purgeSignInThrottle(before: number): Promise<number>;

  // Document PDFs: each rendered once, off the event loop, then served as stored
  /** The account's document number and stored PDF (null until rendered); null when it has no such document. */
  findDocumentPdf(accountId: string, documentId: string): Promise<StoredDocumentPdf | null>;
  /** Stores a rendered PDF unless its document no longer reads as rendered; answers whether it is stored. */
  saveDocumentPdf(
    input: Readonly<{ accountId: string; rendered: DocumentRecord; pdf: Buffer; at: Instant }>,
  ): Promise<boolean>;
  /** Documents without a stored PDF whose PDF is final (credit notes, paid invoices), newest first. */
  documentsWithoutPdf(limit: number): Promise<DocumentRef[]>;
}

/** A key's recent sign-in failures and the wall time (ms) before which it may not try again. */
export type SignInThrottleRecord = Readonly<{
  key: string;
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}>;

export type StoredDocumentPdf = Readonly<{ number: string; pdf: Buffer | null }>;

export type DocumentRef = Readonly<{ accountId: string; documentId: string }>;
