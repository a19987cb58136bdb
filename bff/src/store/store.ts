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
  /** Another order for the same subscription is pending. */
  | Readonly<{ kind: 'subscription_busy' }>;

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
  /** The decline and the answer to replay; null when the charge never reached the provider: the claim is undone. */
  payment: Readonly<{ declineCode: string }> | null;
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
  completeOrder(change: ChangeSet, respond: (issued: IssuedDocuments) => StoredResponse): Promise<StoredResponse>;
  failOrder(input: FailOrderInput): Promise<void>;
  pendingOrders(): Promise<OrderRecord[]>;
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
  ): Promise<Readonly<{ renewed: number; invoices: number; cursor: RenewalCursor | null }>>;
  dueCollections(now: Instant, limit: number): Promise<CollectionDue[]>;
  findOpenInvoice(accountId: string, invoiceId: string): Promise<CollectionDue | null>;
  /** Records collection attempts once each; `nextAttemptAt` is the retry schedule. Answers how many were new. */
  recordCollections(
    results: readonly CollectionResult[],
    at: Instant,
    nextAttemptAt: (attempts: number) => Instant | null,
  ): Promise<number>;

  // Provisioning by a person
  pendingProvisioning(): Promise<ProvisioningTask[]>;
  /** Activates a change's new limits and e-mails the customer; 'not_pending' when there is nothing to complete. */
  completeProvisioning(
    input: Readonly<{ changeId: string; operator: string; at: Instant }>,
  ): Promise<'completed' | 'not_pending'>;

  // E-mail: the outbox, and what its messages describe
  dueEmails(now: Instant, limit: number): Promise<OutboxRecord[]>;
  markEmailSent(id: string, at: Instant): Promise<void>;
  /** A failed send; a next attempt far in the future means the dispatcher gave up. */
  markEmailFailed(id: string, attempts: number, nextAttemptAt: Instant, error: string): Promise<void>;
  findChangeSummary(accountId: string, changeId: string): Promise<ConfirmedChangeSummary | null>;
  findAccountName(accountId: string): Promise<string | null>;

  // Maintenance and QA
  hasAccounts(): Promise<boolean>;
  /**
   * Removes expired sessions and completed idempotency keys (by wall time) and quotes no order
   * refers to (by the system clock, which priced them).
   */
  purgeExpired(now: Readonly<{ wallNow: Instant; clockNow: Instant }>): Promise<void>;
  resetTo(plan: SeedPlan): Promise<void>;
  readClock(): Promise<Instant | null>;
  writeClock(frozenAt: Instant | null): Promise<void>;

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

export type StoredDocumentPdf = Readonly<{ number: string; pdf: Buffer | null }>;

export type DocumentRef = Readonly<{ accountId: string; documentId: string }>;
