import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type {
  ClaimInput,
  ClaimResult,
  CompleteOrderResult,
  FailOrderInput,
  IdempotencyOutcome,
  OrderRepository,
} from '../order-repository';
import type { ChangeSet, IssuedDocuments, OrderRecord, StoredResponse } from '../records';
import { orderHolder } from './claim-rows';
import type { Conn } from './connection';
import { writeCompletedOrder } from './order-completion';
import { writeFailedOrder } from './order-failure';
import { keyInProgress, orderRecord, storedResponse } from './order-rows';
import type { SqliteContext } from './sqlite-context';

/** Orders and the Idempotency-Keys that claim them; each method is one write transaction. */
export class SqliteOrders implements OrderRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async find(orderId: string): Promise<OrderRecord | null> {
    const row = this.ctx.db.select().from(t.orders).where(eq(t.orders.id, orderId)).get();
    return row ? orderRecord(row) : null;
  }

  async findIdempotencyOutcome(accountId: string, key: string): Promise<IdempotencyOutcome | null> {
    const row = this.ctx.db
      .select()
      .from(t.idempotencyKeys)
      .where(and(eq(t.idempotencyKeys.accountId, accountId), eq(t.idempotencyKeys.key, key)))
      .get();
    if (!row) return null;
    const order = row.orderId ? await this.find(row.orderId) : null;
    return { requestHash: row.requestHash, response: storedResponse(row), order };
  }

  async claim(input: ClaimInput): Promise<ClaimResult> {
    // The claim must be on disk before the card is charged, power cut or not: a charge without a
    // pending order could never be finished. Claims made at once share the commit and its fsync.
    return this.ctx.writeGrouped([input.accountId], (tx) => this.#claim(tx, input), { durable: true });
  }

  #claim(tx: Conn, input: ClaimInput): ClaimResult {
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
    if (!this.ctx.claims.take(input.order.subscriptionId, orderHolder(input.order.id))) {
      return { kind: 'subscription_busy' };
    }

    const order: OrderRecord = { ...input.order, status: 'pending' };
    tx.insert(t.orders).values(order).run();
    tx.insert(t.idempotencyKeys).values(keyInProgress(input, order.id)).run();
    return { kind: 'claimed', order };
  }

  async complete(
    change: ChangeSet,
    respond: (issued: IssuedDocuments) => StoredResponse,
  ): Promise<CompleteOrderResult> {
    return this.ctx.writeGrouped([change.order.accountId], (tx) => writeCompletedOrder(this.ctx, tx, change, respond));
  }

  async fail(input: FailOrderInput): Promise<void> {
    this.ctx.write([input.order.accountId], (tx) => writeFailedOrder(this.ctx, tx, input));
  }

  async pending(): Promise<OrderRecord[]> {
    return this.ctx.db.select().from(t.orders).where(eq(t.orders.status, 'pending')).all().map(orderRecord);
  }

  async takeOver(order: OrderRecord): Promise<boolean> {
    return this.ctx.write([order.accountId], (tx) => {
      // Listed as pending, it may have ended since: an ended order takes no claim.
      const pending = tx
        .select({ id: t.orders.id })
        .from(t.orders)
        .where(and(eq(t.orders.id, order.id), eq(t.orders.status, 'pending')))
        .get();
      return pending !== undefined && this.ctx.claims.takeOver(order.subscriptionId, orderHolder(order.id));
    });
  }
}
