import type { ChangeRequest } from '@planshift/shared/eligibility';
import type { CurrencyCode } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import { currentPeriod } from '@planshift/shared/subscription';
import type { Statement } from 'better-sqlite3';
import { and, eq, gt, lt, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open-database';
import * as t from '../../db/schema';
import { uuidV7 } from '../../ids';
import { localClaimPolicy } from '../claim-policy';
import type {
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
  Seller,
  SessionRecord,
  StoredResponse,
  UserRecord,
} from '../records';
import type {
  ClaimInput,
  ClaimPolicy,
  ClaimResult,
  CollectionClaim,
  CompleteOrderResult,
  FailOrderInput,
  ProvisioningTask,
  SignInThrottleRecord,
  Store,
} from '../store';
import { accountRecord, BillingStateReader } from './billing-state-rows';
import { CatalogCache } from './catalog-rows';
import { ClaimRows, collectionHolder, orderHolder } from './claim-rows';
import { CollectionWriter, readDueCollections, readOpenInvoice } from './collection-rows';
import type { Conn } from './connection';
import { readDocumentPdf, readDocumentsWithoutPdf, writeDocumentPdf } from './document-pdf-rows';
import { DocumentReader } from './document-rows';
import { markEmailFailed, markEmailSent, readChangeSummary, readDueEmails } from './outbox-rows';
import { QuoteWriter } from './quote-writer';
import { writeRenewals } from './renewal-rows';
import { RowWriter } from './row-writer';
import { writeSeedPlan } from './seed-rows';
import {
  deleteSignInThrottle,
  purgeSignInThrottles,
  readSignInThrottles,
  writeSignInFailure,
} from './sign-in-throttle-rows';

type OrderRow = typeof t.orders.$inferSelect;

/** Whose cached billing state a write transaction may change: the accounts named, or any. */
type Touches = readonly string[] | typeof ANY_ACCOUNT;
const ANY_ACCOUNT = 'any account';

const accountsOf = (dues: readonly CollectionDue[]) => dues.map((due) => due.accountId);

function orderRecord(row: OrderRow): OrderRecord {
  return { ...row, currency: row.currency as OrderRecord['currency'] };
}

function storedResponse(row: { responseStatus: number | null; responseBody: string | null }): StoredResponse | null {
  if (row.responseStatus === null || row.responseBody === null) return null;
  return { status: row.responseStatus, body: JSON.parse(row.responseBody) };
}

/**
 * The SQLite store: each method is one synchronous better-sqlite3 transaction, begun
 * IMMEDIATE so that a read-modify-write never interleaves with another writer.
 */
export class SqliteStore implements Store {
  readonly #catalogs: CatalogCache;
  readonly #billingState: BillingStateReader;
  readonly #documents: DocumentReader;
  readonly #session;
  readonly #user;
  readonly #quotes = new QuoteWriter(this);
  readonly #insertQuotes: ReturnType<Db['$client']['transaction']>;
  readonly #rows: RowWriter;
  readonly #collections: CollectionWriter;
  readonly #dueSubscriptions: Statement<[Instant, Instant, string, number], [string, string, Instant]>;
  readonly #setPeriodEnd: Statement<[Instant, string]>;
  /** Sessions and users never change once written; only a reset (here) replaces them. */
  readonly #sessions = new Map<string, SessionRecord>();
  readonly #users = new Map<string, UserRecord>();
  readonly #claims: ClaimRows;

  constructor(
    readonly db: Db,
    claimPolicy: ClaimPolicy = localClaimPolicy(),
  ) {
    this.#claims = new ClaimRows(db.$client, claimPolicy);
    this.#catalogs = new CatalogCache(db);
    this.#billingState = new BillingStateReader(db, this.#catalogs);
    this.#documents = new DocumentReader(db);
    this.#rows = new RowWriter(db.$client);
    this.#collections = new CollectionWriter(db.$client, this.#rows);
    const p = sql.placeholder;
    this.#session = db
      .select()
      .from(t.sessions)
      .where(and(eq(t.sessions.idHash, p('idHash')), gt(t.sessions.expiresAt, p('now'))))
      .prepare();
    this.#user = db
      .select()
      .from(t.users)
      .where(eq(t.users.id, p('userId')))
      .prepare();
    // Row values walk the (period end, id) index in order, a batch per transaction.
    this.#dueSubscriptions = db.$client
      .prepare<[Instant, Instant, string, number], [string, string, Instant]>(
        `select id, account_id, current_period_end from subscriptions
         where current_period_end <= ? and status in ('active', 'past_due')
           and (current_period_end, id) > (?, ?)
         order by current_period_end, id limit ?`,
      )
      .raw();
    this.#setPeriodEnd = db.$client.prepare<[Instant, string]>(
      'update subscriptions set current_period_end = ? where id = ?',
    );
    // The hottest write: a plain statement, without the query builder's per-row mapping.
    const insertQuote = db.$client.prepare(
      `insert into quotes (id, account_id, subscription_id, fingerprint, request, due_now, currency, created_at, expires_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertQuotes = db.$client.transaction((records: readonly QuoteRecord[]) => {
      for (const q of records) {
        insertQuote.run(
          q.id,
          q.accountId,
          q.subscriptionId,
          q.fingerprint,
          JSON.stringify(q.request),
          q.dueNow.amount,
          q.dueNow.currency,
          q.createdAt,
          q.expiresAt,
        );
      }
    });
  }

  /**
   * A write transaction; the cached billing states of the accounts it may change are dropped
   * after it, whether it committed or not.
   */
  #write<T>(touches: Touches, work: (tx: Conn) => T): T {
    try {
      return this.db.transaction((tx) => work(tx), { behavior: 'immediate' });
    } finally {
      this.#billingState.forget(touches);
    }
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    return this.db.select().from(t.users).where(eq(t.users.email, email.toLowerCase())).get() ?? null;
  }

  async findUser(userId: string): Promise<UserRecord | null> {
    const cached = this.#users.get(userId);
    if (cached) return cached;
    const user = this.#user.get({ userId }) ?? null;
    if (user) this.#users.set(userId, user);
    return user;
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.db.insert(t.sessions).values(session).run();
  }

  async findSession(idHash: string, now: number): Promise<SessionRecord | null> {
    const cached = this.#sessions.get(idHash);
    if (cached) return cached.expiresAt > now ? cached : null;
    const session = this.#session.get({ idHash, now }) ?? null;
    if (session) this.#sessions.set(idHash, session);
    return session;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.#sessions.delete(idHash);
    this.db.delete(t.sessions).where(eq(t.sessions.idHash, idHash)).run();
  }

  async loadBillingState(accountId: string) {
    return this.#billingState.read(accountId);
  }

  async listDocuments(accountId: string): Promise<DocumentRecord[]> {
    return this.#documents.read(accountId);
  }

  async findDocument(accountId: string, documentId: string): Promise<DocumentRecord | null> {
    return this.#documents.read(accountId, documentId)[0] ?? null;
  }

  async saveQuote(quote: QuoteRecord): Promise<void> {
    return this.#quotes.save(quote);
  }

  /** Writes quotes in one transaction (a group commit): a quote per request, not a commit per quote. */
  insertQuotes(records: readonly QuoteRecord[]): void {
    this.#insertQuotes.immediate(records);
  }

  async findQuote(accountId: string, quoteId: string): Promise<QuoteRecord | null> {
    const row = this.db
      .select()
      .from(t.quotes)
      .where(and(eq(t.quotes.id, quoteId), eq(t.quotes.accountId, accountId)))
      .get();
    return row ? quoteRecord(row) : null;
  }

  async findQuoteById(quoteId: string): Promise<QuoteRecord | null> {
    const row = this.db.select().from(t.quotes).where(eq(t.quotes.id, quoteId)).get();
    return row ? quoteRecord(row) : null;
  }

  async findOrder(orderId: string): Promise<OrderRecord | null> {
    const row = this.db.select().from(t.orders).where(eq(t.orders.id, orderId)).get();
    return row ? orderRecord(row) : null;
  }

  async findIdempotencyOutcome(accountId: string, key: string) {
    const row = this.db
      .select()
      .from(t.idempotencyKeys)
      .where(and(eq(t.idempotencyKeys.accountId, accountId), eq(t.idempotencyKeys.key, key)))
      .get();
    if (!row) return null;
    const order = row.orderId ? await this.findOrder(row.orderId) : null;
    return { requestHash: row.requestHash, response: storedResponse(row), order };
  }

  async claimOrder(input: ClaimInput): Promise<ClaimResult> {
    // The claim must be on disk before the card is charged, power cut or not: a charge without a
    // pending order could never be finished.
    this.db.$client.pragma('synchronous = FULL');
    try {
      return this.#claim(input);
    } finally {
      this.db.$client.pragma('synchronous = NORMAL');
    }
  }

  #claim(input: ClaimInput): ClaimResult {
    return this.#write([input.accountId], (tx): ClaimResult => {
      const key = tx
        .select()
        .from(t.idempotencyKeys)
        .where(and(eq(t.idempotencyKeys.accountId, input.accountId), eq(t.idempotencyKeys.key, input.idempotencyKey)))
        .get();
      if (key) {
        if (key.requestHash !== input.requestHash) return { kind: 'key_reused' };
        const response = storedResponse(key);
        if (response) return { kind: 'replay', response };
        const order = key.orderId ? tx.select().from(t.orders).where(eq(t.orders.id, key.orderId)).get() : undefined;
        return { kind: 'in_progress', order: order ? orderRecord(order) : null };
      }
      const used = tx
        .select({ id: t.orders.id })
        .from(t.orders)
        .where(and(eq(t.orders.accountId, input.accountId), eq(t.orders.idempotencyKey, input.idempotencyKey)))
        .get();
      if (used) return { kind: 'key_expired' };
      const subscription = tx
        .select({ version: t.subscriptions.version })
        .from(t.subscriptions)
        .where(eq(t.subscriptions.id, input.order.subscriptionId))
        .get();
      if (subscription?.version !== input.order.subscriptionVersion) return { kind: 'stale' };
      if (!this.#claims.take(input.order.subscriptionId, orderHolder(input.order.id))) {
        return { kind: 'subscription_busy' };
      }

      const order: OrderRecord = { ...input.order, status: 'pending' };
      tx.insert(t.orders).values(order).run();
      tx.insert(t.idempotencyKeys)
        .values({
          accountId: input.accountId,
          key: input.idempotencyKey,
          requestHash: input.requestHash,
          state: 'in_progress',
          orderId: order.id,
          createdAt: input.now,
          expiresAt: input.keyExpiresAt,
        })
        .run();
      return { kind: 'claimed', order };
    });
  }

  async completeOrder(
    change: ChangeSet,
    respond: (issued: IssuedDocuments) => StoredResponse,
  ): Promise<CompleteOrderResult> {
    return this.#write([change.order.accountId], (tx): CompleteOrderResult => {
      const { order, at } = change;
      const current = tx.select().from(t.orders).where(eq(t.orders.id, order.id)).get();
      if (current?.status !== 'pending') {
        // Finished meanwhile (by recovery, or a concurrent retry): replay what it answered.
        const key = this.#keyRow(tx, order);
        const replay = key && storedResponse(key);
        return replay ? { kind: 'completed', response: replay } : { kind: 'moved' };
      }
      // Claims keep other writers off the subscription; this is the last line of defence.
      if (!this.#rows.writeSubscription(change.subscription, order.subscriptionVersion)) return { kind: 'moved' };
      const accountRow = tx.select().from(t.accounts).where(eq(t.accounts.id, order.accountId)).get();
      if (!accountRow) throw new Error(`order ${order.id} has no account`);
      const account = accountRecord(accountRow);
      const seller = this.#seller(tx);

      let scheduledChangeId: string | null = null;
      if (change.endsPendingChange) {
        tx.update(t.scheduledChanges)
          .set({ status: 'replaced', endedAt: at })
          .where(
            and(eq(t.scheduledChanges.subscriptionId, order.subscriptionId), eq(t.scheduledChanges.status, 'pending')),
          )
          .run();
      }
      if (change.scheduled) {
        scheduledChangeId = change.scheduled.id;
        tx.insert(t.scheduledChanges)
          .values({
            ...change.scheduled,
            subscriptionId: order.subscriptionId,
            status: 'pending',
            createdAt: at,
            createdByUserId: order.userId,
          })
          .run();
      }

      const common = {
        accountId: order.accountId,
        subscriptionId: order.subscriptionId,
        orderId: order.id,
        seller,
        customer: { name: account.name, email: account.billingEmail, address: account.billingAddress },
        locale: account.locale,
        issuedAt: at,
        itemNames: change.itemNames,
      };
      const creditNoteId = change.creditNote ? uuidV7() : null;
      const invoiceId = change.invoice ? uuidV7() : null;
      const issued: { creditNote: IssuedDocuments['creditNote']; invoice: IssuedDocuments['invoice'] } = {
        creditNote: null,
        invoice: null,
      };
      if (change.creditNote && creditNoteId) {
        const cn = change.creditNote;
        issued.creditNote = this.#rows.issueDocument({
          ...common,
          id: creditNoteId,
          kind: 'credit_note',
          reason: 'change',
          currency: cn.currency,
          total: cn.total.amount,
          creditNoteApplied: cn.appliedToInvoice.amount,
          creditBalanceApplied: cn.addedToCreditBalance.amount,
          forfeited: cn.forfeited.amount,
          amountDue: 0,
          relatedDocumentId: invoiceId,
          lines: cn.lines,
        });
      }
      if (change.invoice && invoiceId) {
        const inv = change.invoice;
        issued.invoice = this.#rows.issueDocument({
          ...common,
          id: invoiceId,
          kind: 'invoice',
          reason: 'change',
          currency: inv.currency,
          total: inv.total.amount,
          creditNoteApplied: inv.creditNoteApplied.amount,
          creditBalanceApplied: inv.creditBalanceApplied.amount,
          forfeited: 0,
          amountDue: inv.amountDue.amount,
          relatedDocumentId: creditNoteId,
          lines: inv.lines,
        });
      }

      const ledger = (amount: number, reason: 'credit_note' | 'applied_to_invoice', documentId: string | null) =>
        tx
          .insert(t.creditLedger)
          .values({ accountId: order.accountId, amount, currency: order.currency, reason, documentId, createdAt: at })
          .run();
      if (change.creditApplied > 0) ledger(-change.creditApplied, 'applied_to_invoice', invoiceId);
      if (change.creditAdded > 0) ledger(change.creditAdded, 'credit_note', creditNoteId);

      if (change.payment) {
        tx.insert(t.payments)
          .values({
            id: uuidV7(),
            accountId: order.accountId,
            orderId: order.id,
            invoiceId,
            paymentAttemptId: order.paymentAttemptId,
            amount: change.payment.amount,
            currency: order.currency,
            status: 'succeeded',
            chargeId: change.payment.chargeId,
            createdAt: at,
          })
          .run();
      }
      tx.insert(t.confirmedChanges)
        .values({
          id: change.changeId,
          orderId: order.id,
          accountId: order.accountId,
          subscriptionId: order.subscriptionId,
          appliedNow: change.appliedNow,
          scheduledChangeId,
          provisioning: change.provisioning,
          activeEntitlements: change.activeEntitlements,
          confirmedAt: at,
        })
        .run();
      tx.update(t.orders).set({ status: 'succeeded', completedAt: at }).where(eq(t.orders.id, order.id)).run();
      tx.insert(t.outbox)
        .values({
          id: uuidV7(),
          accountId: order.accountId,
          kind: 'change_confirmed',
          recipient: account.billingEmail,
          payload: { changeId: change.changeId, invoiceId, creditNoteId, locale: account.locale },
          createdAt: at,
          nextAttemptAt: at,
        })
        .run();
      tx.insert(t.auditEvents)
        .values({
          accountId: order.accountId,
          userId: order.userId,
          action: 'subscription.change_confirmed',
          subjectType: 'subscription',
          subjectId: order.subscriptionId,
          data: {
            orderId: order.id,
            quoteId: order.quoteId,
            appliedNow: change.appliedNow,
            scheduledChangeId,
            invoice: issued.invoice?.number ?? null,
            creditNote: issued.creditNote?.number ?? null,
            charged: change.payment?.amount ?? 0,
          },
          at,
        })
        .run();

      const response = respond(issued);
      this.#finishKey(tx, order, response);
      this.#claims.release(order.subscriptionId, orderHolder(order.id));
      return { kind: 'completed', response };
    });
  }

  async failOrder({ order, at, outcome, response }: FailOrderInput): Promise<void> {
    this.#write([order.accountId], (tx) => {
      this.#claims.release(order.subscriptionId, orderHolder(order.id));
      const keyWhere = and(
        eq(t.idempotencyKeys.accountId, order.accountId),
        eq(t.idempotencyKeys.key, order.idempotencyKey),
      );
      if (!outcome || !response) {
        // Nothing reached the provider: undo the claim, so that a retry with the key starts afresh.
        tx.delete(t.idempotencyKeys).where(keyWhere).run();
        tx.delete(t.orders)
          .where(and(eq(t.orders.id, order.id), eq(t.orders.status, 'pending')))
          .run();
        return;
      }
      const notApplied = outcome.kind === 'not_applied';
      const updated = tx
        .update(t.orders)
        .set({
          status: 'failed',
          failure: notApplied ? outcome.reason : outcome.declineCode,
          refundId: notApplied ? outcome.refundId : null,
          completedAt: at,
        })
        .where(and(eq(t.orders.id, order.id), eq(t.orders.status, 'pending')))
        .run();
      if (updated.changes !== 1) return;
      this.#finishKey(tx, order, response);
      if (notApplied) {
        this.#recordNotApplied(tx, order, outcome, at);
        return;
      }
      tx.insert(t.payments)
        .values({
          id: uuidV7(),
          accountId: order.accountId,
          orderId: order.id,
          paymentAttemptId: order.paymentAttemptId,
          amount: order.amount,
          currency: order.currency,
          status: 'failed',
          declineCode: outcome.declineCode,
          createdAt: at,
        })
        .run();
    });
  }

  /** Audited; when money was captured, the customer is told why the change did not happen and that it went back. */
  #recordNotApplied(
    tx: Conn,
    order: OrderRecord,
    outcome: Readonly<{ refundId: string | null; reason: string }>,
    at: Instant,
  ) {
    const account = tx.select().from(t.accounts).where(eq(t.accounts.id, order.accountId)).get();
    if (!account) return;
    const payload = {
      orderId: order.id,
      amount: order.amount,
      currency: order.currency,
      reason: outcome.reason,
      locale: account.locale,
    };
    if (outcome.refundId) {
      this.#rows.queueEmail({
        accountId: order.accountId,
        kind: 'change_refunded',
        recipient: account.billingEmail,
        payload,
        at,
      });
    }
    this.#rows.audit({
      accountId: order.accountId,
      userId: order.userId,
      action: 'subscription.change_not_applied',
      subjectType: 'subscription',
      subjectId: order.subscriptionId,
      data: { ...payload, refundId: outcome.refundId, paymentAttemptId: order.paymentAttemptId },
      at,
    });
  }

  async pendingOrders(): Promise<OrderRecord[]> {
    return this.db.select().from(t.orders).where(eq(t.orders.status, 'pending')).all().map(orderRecord);
  }

  async takeOverOrder(order: OrderRecord): Promise<boolean> {
    return this.#write([order.accountId], () => this.#claims.takeOver(order.subscriptionId, orderHolder(order.id)));
  }

  async cancelScheduledChange(input: { accountId: string; userId: string; expectedVersion: number; at: number }) {
    return this.#write([input.accountId], (tx) => {
      const sub = tx.select().from(t.subscriptions).where(eq(t.subscriptions.accountId, input.accountId)).get();
      if (!sub) return 'none' as const;
      if (sub.version !== input.expectedVersion) return 'stale' as const;
      if (!this.#claims.isFree(sub.id)) return 'busy' as const;
      const pending = tx
        .select()
        .from(t.scheduledChanges)
        .where(and(eq(t.scheduledChanges.subscriptionId, sub.id), eq(t.scheduledChanges.status, 'pending')))
        .get();
      if (!pending) return 'none' as const;
      tx.update(t.scheduledChanges)
        .set({ status: 'canceled', endedAt: input.at })
        .where(eq(t.scheduledChanges.id, pending.id))
        .run();
      tx.update(t.subscriptions)
        .set({ version: sub.version + 1 })
        .where(eq(t.subscriptions.id, sub.id))
        .run();
      tx.insert(t.auditEvents)
        .values({
          accountId: input.accountId,
          userId: input.userId,
          action: 'subscription.scheduled_change_canceled',
          subjectType: 'scheduled_change',
          subjectId: pending.id,
          data: { target: pending.target, effectiveAt: pending.effectiveAt },
          at: input.at,
        })
        .run();
      return 'canceled' as const;
    });
  }

  async purgeExpired({ wallNow, clockNow }: Readonly<{ wallNow: number; clockNow: number }>): Promise<void> {
    this.#write(ANY_ACCOUNT, (tx) => {
      tx.delete(t.sessions).where(lt(t.sessions.expiresAt, wallNow)).run();
      for (const [idHash, session] of this.#sessions) if (session.expiresAt <= wallNow) this.#sessions.delete(idHash);
      tx.delete(t.idempotencyKeys)
        .where(and(lt(t.idempotencyKeys.expiresAt, wallNow), eq(t.idempotencyKeys.state, 'completed')))
        .run();
      const ordered = tx.select({ id: t.orders.quoteId }).from(t.orders);
      tx.delete(t.quotes)
        .where(and(lt(t.quotes.expiresAt, clockNow), notInArray(t.quotes.id, ordered)))
        .run();
    });
  }

  async renewDue({ now, limit, cursor, renew }: Parameters<Store['renewDue']>[0]): ReturnType<Store['renewDue']> {
    return this.#write(ANY_ACCOUNT, (tx) => {
      const rows = this.#dueSubscriptions.all(now, cursor?.periodEnd ?? -1, cursor?.subscriptionId ?? '', limit);
      const seller = this.#seller(tx);
      let renewed = 0;
      let invoices = 0;
      let skipped = 0;
      for (const [subscriptionId, accountId, periodEnd] of rows) {
        // Held by an order or a collection: renewed by a later pass, once that writer is done.
        if (!this.#claims.isFree(subscriptionId)) {
          skipped += 1;
          continue;
        }
        const state = this.#billingState.readFresh(accountId);
        if (!state) continue;
        const renewals = renew(state);
        if (renewals.length === 0) {
          // Not due after all (a period end the migration could not compute) or not renewable:
          // keep the true end, so the next run's walk does not come back to it early.
          const end = currentPeriod(state.subscription).end;
          if (end !== periodEnd) this.#setPeriodEnd.run(end, subscriptionId);
          continue;
        }
        const write = { state, renewals, at: now };
        invoices += writeRenewals(tx, write, seller, this.#rows, this.#collections).length;
        renewed += 1;
      }
      const last = rows.at(-1);
      return {
        renewed,
        invoices,
        skipped,
        cursor: last && rows.length === limit ? { periodEnd: last[2], subscriptionId: last[0] } : null,
      };
    });
  }

  async dueCollections(now: Instant, limit: number): Promise<CollectionDue[]> {
    return readDueCollections(this.db, now, limit);
  }

  async findOpenInvoice(accountId: string, invoiceId: string): Promise<CollectionDue | null> {
    return readOpenInvoice(this.db, accountId, invoiceId);
  }

  async claimCollections(dues: readonly CollectionDue[]): Promise<CollectionClaim> {
    const holder = collectionHolder();
    return this.#write(accountsOf(dues), () => {
      const held = new Set<string>();
      const refused = new Set<string>();
      for (const { subscriptionId } of dues) {
        if (held.has(subscriptionId) || refused.has(subscriptionId)) continue;
        (this.#claims.take(subscriptionId, holder) ? held : refused).add(subscriptionId);
      }
      return { holder, dues: dues.filter((due) => held.has(due.subscriptionId)) };
    });
  }

  async releaseCollections(claim: CollectionClaim, dues: readonly CollectionDue[]): Promise<void> {
    if (dues.length === 0) return;
    this.#write(accountsOf(dues), () => {
      for (const due of dues) this.#claims.release(due.subscriptionId, claim.holder);
    });
  }

  async recordCollections(
    claim: CollectionClaim,
    results: readonly CollectionResult[],
    at: Instant,
    nextAttemptAt: (attempts: number) => Instant | null,
  ): Promise<number> {
    return this.#write(
      results.map((r) => r.due.accountId),
      () => {
        let recorded = 0;
        for (const result of results) {
          // A claim that lapsed and was taken by another writer: that writer, or the next pass,
          // charges the same attempt id and records what the processor answers.
          if (!this.#claims.holds(result.due.subscriptionId, claim.holder)) continue;
          if (this.#collections.record(result, at, nextAttemptAt) === 'recorded') recorded += 1;
        }
        for (const { due } of results) this.#claims.release(due.subscriptionId, claim.holder);
        return recorded;
      },
    );
  }

  async pendingProvisioning(): Promise<ProvisioningTask[]> {
    return this.db
      .select({
        changeId: t.confirmedChanges.id,
        accountId: t.confirmedChanges.accountId,
        accountName: t.accounts.name,
        confirmedAt: t.confirmedChanges.confirmedAt,
        appliedNow: t.confirmedChanges.appliedNow,
      })
      .from(t.confirmedChanges)
      .innerJoin(t.accounts, eq(t.accounts.id, t.confirmedChanges.accountId))
      .where(eq(t.confirmedChanges.provisioning, 'pending'))
      .orderBy(t.confirmedChanges.confirmedAt)
      .all()
      .map((row) => ({ ...row, appliedNow: row.appliedNow as ChangeDescriptor[] }));
  }

  async completeProvisioning({
    changeId,
    operator,
    at,
  }: Parameters<Store['completeProvisioning']>[0]): ReturnType<Store['completeProvisioning']> {
    return this.#write(ANY_ACCOUNT, (tx) => {
      const waiting = tx
        .select({ subscriptionId: t.confirmedChanges.subscriptionId })
        .from(t.confirmedChanges)
        .where(and(eq(t.confirmedChanges.id, changeId), eq(t.confirmedChanges.provisioning, 'pending')))
        .get();
      if (!waiting) return 'not_pending';
      if (!this.#claims.isFree(waiting.subscriptionId)) return 'busy';
      const change = tx
        .update(t.confirmedChanges)
        .set({ provisioning: 'completed', activeEntitlements: null, provisionedAt: at })
        .where(and(eq(t.confirmedChanges.id, changeId), eq(t.confirmedChanges.provisioning, 'pending')))
        .returning()
        .get();
      if (!change) return 'not_pending';
      // Earlier changes still waiting are provisioned by this one: it brings the latest state.
      tx.update(t.confirmedChanges)
        .set({ provisioning: 'completed', activeEntitlements: null, provisionedAt: at })
        .where(
          and(
            eq(t.confirmedChanges.subscriptionId, change.subscriptionId),
            eq(t.confirmedChanges.provisioning, 'pending'),
          ),
        )
        .run();
      // Cached states and quotes priced before this moment are stale now.
      tx.update(t.subscriptions)
        .set({ version: sql`${t.subscriptions.version} + 1` })
        .where(eq(t.subscriptions.id, change.subscriptionId))
        .run();
      const account = tx.select().from(t.accounts).where(eq(t.accounts.id, change.accountId)).get();
      if (!account) throw new Error(`change ${changeId} has no account`);
      this.#rows.queueEmail({
        accountId: account.id,
        kind: 'provisioning_completed',
        recipient: account.billingEmail,
        payload: { changeId, locale: account.locale },
        at,
      });
      this.#rows.audit({
        accountId: account.id,
        userId: null,
        action: 'subscription.provisioning_completed',
        subjectType: 'subscription',
        subjectId: change.subscriptionId,
        data: { changeId, operator },
        at,
      });
      return 'completed';
    });
  }

  async dueEmails(now: Instant, limit: number): Promise<OutboxRecord[]> {
    return readDueEmails(this.db, now, limit);
  }

  async markEmailSent(id: string, at: Instant): Promise<void> {
    markEmailSent(this.db, id, at);
  }

  async markEmailFailed(id: string, attempts: number, nextAttemptAt: Instant, error: string): Promise<void> {
    markEmailFailed(this.db, id, attempts, nextAttemptAt, error);
  }

  async findChangeSummary(accountId: string, changeId: string): Promise<ConfirmedChangeSummary | null> {
    return readChangeSummary(this.db, this.#catalogs, accountId, changeId);
  }

  async findAccountName(accountId: string): Promise<string | null> {
    return (
      this.db.select({ name: t.accounts.name }).from(t.accounts).where(eq(t.accounts.id, accountId)).get()?.name ?? null
    );
  }

  async hasAccounts(): Promise<boolean> {
    return this.db.select({ id: t.accounts.id }).from(t.accounts).limit(1).get() !== undefined;
  }

  async hasClaims(): Promise<boolean> {
    return (
      this.db.select({ id: t.subscriptionClaims.subscriptionId }).from(t.subscriptionClaims).limit(1).get() !==
      undefined
    );
  }

  async readClock(): Promise<number | null> {
    return this.db.select({ frozenAt: t.system.frozenAt }).from(t.system).get()?.frozenAt ?? null;
  }

  async writeClock(frozenAt: number | null): Promise<void> {
    this.db
      .insert(t.system)
      .values({ id: 1, seller: {}, frozenAt })
      .onConflictDoUpdate({ target: t.system.id, set: { frozenAt } })
      .run();
  }

  async resetTo(plan: SeedPlan): Promise<void> {
    this.#write(ANY_ACCOUNT, (tx) => writeSeedPlan(tx, this.#rows, plan));
    this.#catalogs.clear();
    this.#billingState.clear();
    this.#sessions.clear();
    this.#users.clear();
  }

  async findSignInThrottles(keys: readonly string[]): Promise<SignInThrottleRecord[]> {
    return readSignInThrottles(this.db, keys);
  }

  async recordSignInFailure(
    keys: readonly string[],
    next: (key: string, current: SignInThrottleRecord | null) => SignInThrottleRecord,
  ): Promise<void> {
    writeSignInFailure(this.db, keys, next);
  }

  async clearSignInThrottle(key: string): Promise<void> {
    deleteSignInThrottle(this.db, key);
  }

  async purgeSignInThrottle(before: number): Promise<number> {
    return purgeSignInThrottles(this.db, before);
  }

  #seller(tx: Conn): Seller {
    const seller = tx.select({ seller: t.system.seller }).from(t.system).get()?.seller;
    if (!seller) throw new Error('the seller is not set: reset to a scenario first');
    return seller as Seller;
  }

  #keyRow(tx: Conn, order: OrderRecord) {
    return tx
      .select()
      .from(t.idempotencyKeys)
      .where(and(eq(t.idempotencyKeys.accountId, order.accountId), eq(t.idempotencyKeys.key, order.idempotencyKey)))
      .get();
  }

  #finishKey(tx: Conn, order: OrderRecord, response: StoredResponse) {
    tx.update(t.idempotencyKeys)
      .set({ state: 'completed', responseStatus: response.status, responseBody: JSON.stringify(response.body) })
      .where(and(eq(t.idempotencyKeys.accountId, order.accountId), eq(t.idempotencyKeys.key, order.idempotencyKey)))
      .run();
  }

  async findDocumentPdf(accountId: string, documentId: string): ReturnType<Store['findDocumentPdf']> {
    return readDocumentPdf(this.db, accountId, documentId);
  }

  async saveDocumentPdf(input: Parameters<Store['saveDocumentPdf']>[0]): ReturnType<Store['saveDocumentPdf']> {
    return writeDocumentPdf(this.db, this.#documents, input);
  }

  async documentsWithoutPdf(limit: number): ReturnType<Store['documentsWithoutPdf']> {
    return readDocumentsWithoutPdf(this.db, limit);
  }
}

function quoteRecord({ dueNow, currency, ...row }: typeof t.quotes.$inferSelect): QuoteRecord {
  return {
    ...row,
    request: row.request as ChangeRequest,
    dueNow: { amount: dueNow, currency: currency as CurrencyCode },
  };
}
