import { and, eq, type SQL } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type { InvoiceChallengeEnd, PaymentChallengeRepository } from '../payment-challenge-repository';
import type { PaymentChallengeRecord } from '../records';
import { challengeRecord } from '../sqlite/challenge-rows';
import { challengeHolder, orderHolder } from '../sqlite/claim-rows';
import type { Conn } from './connection';
import { cardOnFile } from './pg-challenge-rows';
import { type PgContext, readSeller } from './pg-context';

/** Payments waiting for the customer's bank (SQLite's SqliteChallenges); writes under the account's lock. */
export class PgChallenges implements PaymentChallengeRepository {
  constructor(private readonly ctx: PgContext) {}

  #readWhere(where: SQL | undefined): Promise<PaymentChallengeRecord[]> {
    return this.ctx.read((db) => readChallenges(db, where));
  }

  async find(accountId: string, challengeId: string): Promise<PaymentChallengeRecord | null> {
    const [found] = await this.#readWhere(
      and(eq(t.paymentChallenges.id, challengeId), eq(t.paymentChallenges.accountId, accountId)),
    );
    return found ?? null;
  }

  async forOrder(orderId: string): Promise<PaymentChallengeRecord | null> {
    const [found] = await this.#readWhere(eq(t.paymentChallenges.orderId, orderId));
    return found ?? null;
  }

  async openForInvoice(accountId: string, invoiceId: string): Promise<PaymentChallengeRecord | null> {
    const [found] = await this.#readWhere(
      and(
        eq(t.paymentChallenges.accountId, accountId),
        eq(t.paymentChallenges.invoiceId, invoiceId),
        eq(t.paymentChallenges.status, 'open'),
      ),
    );
    return found ?? null;
  }

  async open(): Promise<PaymentChallengeRecord[]> {
    return this.#readWhere(eq(t.paymentChallenges.status, 'open'));
  }

  async recordForOrder({
    order,
    challengeId,
    expiresAt,
    at,
  }: Parameters<PaymentChallengeRepository['recordForOrder']>[0]) {
    return this.ctx.write([order.accountId], async (tx) => {
      const [pending] = await tx
        .select({ id: t.orders.id })
        .from(t.orders)
        .where(and(eq(t.orders.id, order.id), eq(t.orders.status, 'pending')));
      if (!pending) return null;
      await insertChallenge(tx, {
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
      // Nobody works on the order until the customer answers: any instance may then go on with it.
      await this.ctx.claims.park(tx, order.subscriptionId, orderHolder(order.id));
      return readChallenge(tx, challengeId);
    });
  }

  async holdForInvoice(input: Parameters<PaymentChallengeRepository['holdForInvoice']>[0]) {
    const { claim, due, challengeId, paymentAttemptId, expiresAt, at } = input;
    return this.ctx.write([due.accountId], async (tx) => {
      if (!(await this.ctx.claims.handOver(tx, due.subscriptionId, claim.holder, challengeHolder(challengeId)))) {
        return null;
      }
      await insertChallenge(tx, {
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
    return this.ctx.write([challenge.accountId], async (tx) => {
      // Listed as open, it may have ended since (on another instance): an ended challenge takes no claim.
      const [open] = await tx
        .select({ id: t.paymentChallenges.id })
        .from(t.paymentChallenges)
        .where(and(eq(t.paymentChallenges.id, challenge.id), eq(t.paymentChallenges.status, 'open')));
      return (
        open !== undefined && this.ctx.claims.takeOver(tx, challenge.subscriptionId, challengeHolder(challenge.id))
      );
    });
  }

  async endForInvoice({ challenge, result, status, at, nextAttemptAt }: InvoiceChallengeEnd): Promise<boolean> {
    return this.ctx.write([challenge.accountId], async (tx) => {
      const ended = await tx
        .update(t.paymentChallenges)
        .set({ status, endedAt: at })
        .where(and(eq(t.paymentChallenges.id, challenge.id), eq(t.paymentChallenges.status, 'open')));
      if (ended.rowCount !== 1) return false;
      await this.ctx.collections.record(tx, result, at, nextAttemptAt);
      await this.ctx.claims.release(tx, challenge.subscriptionId, challengeHolder(challenge.id));
      return true;
    });
  }
}

type NewChallenge = Omit<typeof t.paymentChallenges.$inferInsert, 'brand' | 'last4' | 'status' | 'endedAt'>;

/** Records a challenge once (a retry of its attempt finds it there), open, naming its card as the account keeps it. */
async function insertChallenge(tx: Conn, challenge: NewChallenge): Promise<void> {
  const card = await cardOnFile(tx, challenge.accountId, challenge.paymentMethodToken);
  await tx
    .insert(t.paymentChallenges)
    .values({ ...challenge, ...card, status: 'open' })
    .onConflictDoNothing();
}

async function readChallenges(db: Conn, where: SQL | undefined): Promise<PaymentChallengeRecord[]> {
  const rows = await db.select().from(t.paymentChallenges).where(where);
  if (rows.length === 0) return [];
  const merchant = (await readSeller(db)).name;
  return rows.map((row) => challengeRecord(row, merchant));
}

async function readChallenge(tx: Conn, challengeId: string): Promise<PaymentChallengeRecord | null> {
  const [found] = await readChallenges(tx, eq(t.paymentChallenges.id, challengeId));
  return found ?? null;
}
