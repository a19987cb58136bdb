import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { InvoiceChallengeEnd, PaymentChallengeRepository } from '../payment-challenge-repository';
import type { PaymentChallengeRecord } from '../records';
import { cardOnFile, challengeRecord } from './challenge-rows';
import { challengeHolder } from './claim-rows';
import type { Conn } from './connection';
import { readSeller, type SqliteContext } from './sqlite-context';

export class SqliteChallenges implements PaymentChallengeRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async find(accountId: string, challengeId: string): Promise<PaymentChallengeRecord | null> {
    const row = this.ctx.db
      .select()
      .from(t.paymentChallenges)
      .where(and(eq(t.paymentChallenges.id, challengeId), eq(t.paymentChallenges.accountId, accountId)))
      .get();
    return row ? challengeRecord(row, readSeller(this.ctx.db).name) : null;
  }

  async forOrder(orderId: string): Promise<PaymentChallengeRecord | null> {
    const row = this.ctx.db.select().from(t.paymentChallenges).where(eq(t.paymentChallenges.orderId, orderId)).get();
    return row ? challengeRecord(row, readSeller(this.ctx.db).name) : null;
  }

  async openForInvoice(accountId: string, invoiceId: string): Promise<PaymentChallengeRecord | null> {
    const row = this.ctx.db
      .select()
      .from(t.paymentChallenges)
      .where(
        and(
          eq(t.paymentChallenges.accountId, accountId),
          eq(t.paymentChallenges.invoiceId, invoiceId),
          eq(t.paymentChallenges.status, 'open'),
        ),
      )
      .get();
    return row ? challengeRecord(row, readSeller(this.ctx.db).name) : null;
  }

  async open(): Promise<PaymentChallengeRecord[]> {
    return this.ctx.db
      .select()
      .from(t.paymentChallenges)
      .where(eq(t.paymentChallenges.status, 'open'))
      .all()
      .map((row) => challengeRecord(row, readSeller(this.ctx.db).name));
  }

  async recordForOrder({
    order,
    challengeId,
    expiresAt,
    at,
  }: Parameters<PaymentChallengeRepository['recordForOrder']>[0]) {
    return this.ctx.write([order.accountId], (tx) => {
      const pending = tx
        .select({ id: t.orders.id })
        .from(t.orders)
        .where(and(eq(t.orders.id, order.id), eq(t.orders.status, 'pending')))
        .get();
      if (!pending) return null;
      insertChallenge(tx, {
        id: challengeId,
        accountId: order.accountId,
        subscriptionId: order.subscriptionId,
        paymentAttemptId: order.paymentAttemptId,
        orderId: order.id,
        invoiceId: null,
        amount: order.amount,
        currency: order.currency,
        paymentMethodToken: order.paymentMethodToken ?? '',
        createdAt: at,
        expiresAt,
      });
      return readChallenge(tx, challengeId);
    });
  }

  async holdForInvoice(input: Parameters<PaymentChallengeRepository['holdForInvoice']>[0]) {
    const { claim, due, challengeId, paymentAttemptId, expiresAt, at } = input;
    return this.ctx.write([due.accountId], (tx) => {
      if (!this.ctx.claims.handOver(due.subscriptionId, claim.holder, challengeHolder(challengeId))) return null;
      insertChallenge(tx, {
        id: challengeId,
        accountId: due.accountId,
        subscriptionId: due.subscriptionId,
        paymentAttemptId,
        orderId: null,
        invoiceId: due.invoiceId,
        amount: due.amount,
        currency: due.currency,
        paymentMethodToken: due.paymentMethod?.reference ?? '',
        createdAt: at,
        expiresAt,
      });
      return readChallenge(tx, challengeId);
    });
  }

  async takeOver(challenge: PaymentChallengeRecord): Promise<boolean> {
    return this.ctx.write([challenge.accountId], (tx) => {
      // Listed as open, it may have ended since: an ended challenge takes no claim.
      const open = tx
        .select({ id: t.paymentChallenges.id })
        .from(t.paymentChallenges)
        .where(and(eq(t.paymentChallenges.id, challenge.id), eq(t.paymentChallenges.status, 'open')))
        .get();
      return open !== undefined && this.ctx.claims.takeOver(challenge.subscriptionId, challengeHolder(challenge.id));
    });
  }

  async endForInvoice({ challenge, result, status, at, nextAttemptAt }: InvoiceChallengeEnd): Promise<boolean> {
    return this.ctx.write([challenge.accountId], (tx) => {
      const ended = tx
        .update(t.paymentChallenges)
        .set({ status, endedAt: at })
        .where(and(eq(t.paymentChallenges.id, challenge.id), eq(t.paymentChallenges.status, 'open')))
        .run();
      if (ended.changes !== 1) return false;
      this.ctx.collections.record(result, at, nextAttemptAt);
      this.ctx.claims.release(challenge.subscriptionId, challengeHolder(challenge.id));
      return true;
    });
  }
}

type NewChallenge = Omit<typeof t.paymentChallenges.$inferInsert, 'brand' | 'last4' | 'status' | 'endedAt'>;

/** Records a challenge once (a retry of its attempt finds it there), open, naming its card as the account keeps it. */
function insertChallenge(tx: Conn, challenge: NewChallenge): void {
  tx.insert(t.paymentChallenges)
    .values({ ...challenge, ...cardOnFile(tx, challenge.accountId, challenge.paymentMethodToken), status: 'open' })
    .onConflictDoNothing()
    .run();
}

function readChallenge(tx: Conn, challengeId: string): PaymentChallengeRecord | null {
  const row = tx.select().from(t.paymentChallenges).where(eq(t.paymentChallenges.id, challengeId)).get();
  return row ? challengeRecord(row, readSeller(tx).name) : null;
}
