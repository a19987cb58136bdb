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
import { writeCompletedOrder } from './order-completion';
import { writeFailedOrder } from './order-failure';
import { keyInProgress, orderRecord, storedResponse } from './order-rows';
import type { SqliteContext } from './sqlite-context';

/** Orders and the Idempotency-Keys that claim them; each method is one write transaction. */
export class SqliteOrders implements OrderRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async find(orderId: string): Promise<OrderRecord | null> {
    const row = this.ctx.prepared.find(t.orders, { id: orderId });
    return row ? orderRecord(row) : null;
  }

  async findIdempotencyOutcome(accountId: string, key: string): Promise<IdempotencyOutcome | null> {
    const row = this.ctx.prepared.find(t.idempotencyKeys, { accountId, key });
    if (!row) return null;
    const order = row.orderId ? await this.find(row.orderId) : null;
    return { requestHash: row.requestHash, response: storedResponse(row), order };
  }

  async claim(input: ClaimInput): Promise<ClaimResult> {
    // The claim must be on disk before the card is charged, power cut or not: a charge without a
    // pending order could never be finished. Claims made at once share the commit and its fsync.
    return this.ctx.writeGrouped([input.accountId], () => this.#claim(input), { durable: true });
  }

  /** In the grouped transaction: its statements are prepared ones, on the same connection as `tx`. */
  #claim(input: ClaimInput): ClaimResult {
    const { prepared } = this.ctx;
    const key = prepared.find(t.idempotencyKeys, { accountId: input.accountId, key: input.idempotencyKey });
    if (key) {
      if (key.requestHash !== input.requestHash) return { kind: 'key_reused' };
      const response = storedResponse(key);
      if (response) return { kind: 'replay', response };
      const order = key.orderId ? prepared.find(t.orders, { id: key.orderId }) : undefined;
      return { kind: 'in_progress', order: order ? orderRecord(order) : null };
    }
    const used = prepared.find(t.orders, { accountId: input.accountId, idempotencyKey: input.idempotencyKey });
    if (used) return { kind: 'key_expired' };
    const subscription = prepared.find(t.subscriptions, { id: input.order.subscriptionId });
    if (subscription?.version !== input.order.subscriptionVersion) return { kind: 'stale' };
    if (!this.ctx.claims.take(input.order.subscriptionId, orderHolder(input.order.id))) {
      return { kind: 'subscription_busy' };
    }

    const order: OrderRecord = { ...input.order, status: 'pending' };
    prepared.insert(t.orders, order);
    prepared.insert(t.idempotencyKeys, keyInProgress(input, order.id));
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
