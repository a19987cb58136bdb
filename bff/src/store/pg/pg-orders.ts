import { and, eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type {
  ClaimInput,
  ClaimResult,
  CompleteOrderResult,
  FailOrderInput,
  IdempotencyOutcome,
  OrderRepository,
} from '../order-repository';
import type { ChangeSet, IssuedDocuments, OrderRecord, StoredResponse } from '../records';
import { orderHolder } from '../sqlite/claim-rows';
import { keyInProgress, orderRecord, storedResponse } from '../sqlite/order-rows';
import type { PgContext } from './pg-context';
import { writeCompletedOrder } from './pg-order-completion';
import { writeFailedOrder } from './pg-order-failure';

/**
 * Orders and the Idempotency-Keys that claim them; each method is one transaction. A claim runs
 * under the account's lock (PgContext.write), so two requests with the same key take turns: the
 * second finds the first's key row, in progress or completed, and answers as on SQLite
 * (docs/decisions/012, 019). PostgreSQL's commit is durable (synchronous_commit stays on), which
 * SQLite gets for the claim with `synchronous = FULL`.
 */
export class PgOrders implements OrderRepository {
  constructor(private readonly ctx: PgContext) {}

  async find(orderId: string): Promise<OrderRecord | null> {
    const [row] = await this.ctx.read((db) => db.select().from(t.orders).where(eq(t.orders.id, orderId)));
    return row ? orderRecord(row) : null;
  }

  async findIdempotencyOutcome(accountId: string, key: string): Promise<IdempotencyOutcome | null> {
    // Usually there is no such key yet (a first confirm): one statement on the pool says so, in a
    // snapshot of its own, without a transaction's two more round trips (docs/decisions/033).
    const [first] = await this.ctx.db
      .select({ accountId: t.idempotencyKeys.accountId })
      .from(t.idempotencyKeys)
      .where(and(eq(t.idempotencyKeys.accountId, accountId), eq(t.idempotencyKeys.key, key)));
    if (!first) return null;
    // A key and its order, read in one snapshot.
    return this.ctx.read(async (db) => {
      const [row] = await db
        .select()
        .from(t.idempotencyKeys)
        .where(and(eq(t.idempotencyKeys.accountId, accountId), eq(t.idempotencyKeys.key, key)));
      if (!row) return null;
      const [order] = row.orderId ? await db.select().from(t.orders).where(eq(t.orders.id, row.orderId)) : [];
      return { requestHash: row.requestHash, response: storedResponse(row), order: order ? orderRecord(order) : null };
    });
  }

  async claim(input: ClaimInput): Promise<ClaimResult> {
    return this.ctx.write([input.accountId], async (tx): Promise<ClaimResult> => {
      const [key] = await tx
        .select()
        .from(t.idempotencyKeys)
        .where(and(eq(t.idempotencyKeys.accountId, input.accountId), eq(t.idempotencyKeys.key, input.idempotencyKey)));
      if (key) {
        if (key.requestHash !== input.requestHash) return { kind: 'key_reused' };
        const response = storedResponse(key);
        if (response) return { kind: 'replay', response };
        const [order] = key.orderId ? await tx.select().from(t.orders).where(eq(t.orders.id, key.orderId)) : [];
        return { kind: 'in_progress', order: order ? orderRecord(order) : null };
      }
      const [used] = await tx
        .select({ id: t.orders.id })
        .from(t.orders)
        .where(and(eq(t.orders.accountId, input.accountId), eq(t.orders.idempotencyKey, input.idempotencyKey)));
      if (used) return { kind: 'key_expired' };
      const [subscription] = await tx
        .select({ version: t.subscriptions.version })
        .from(t.subscriptions)
        .where(eq(t.subscriptions.id, input.order.subscriptionId));
      if (subscription?.version !== input.order.subscriptionVersion) return { kind: 'stale' };
      if (!(await this.ctx.claims.take(tx, input.order.subscriptionId, orderHolder(input.order.id)))) {
        return { kind: 'subscription_busy' };
      }

      const order: OrderRecord = { ...input.order, status: 'pending' };
      await tx.insert(t.orders).values(order);
      await tx.insert(t.idempotencyKeys).values(keyInProgress(input, order.id));
      return { kind: 'claimed', order };
    });
  }

  async complete(
    change: ChangeSet,
    respond: (issued: IssuedDocuments) => StoredResponse,
  ): Promise<CompleteOrderResult> {
    return this.ctx.write([change.order.accountId], (tx) => writeCompletedOrder(this.ctx, tx, change, respond));
  }

  async fail(input: FailOrderInput): Promise<void> {
    await this.ctx.write([input.order.accountId], (tx) => writeFailedOrder(this.ctx, tx, input));
  }

  async pending(): Promise<OrderRecord[]> {
    const rows = await this.ctx.read((db) => db.select().from(t.orders).where(eq(t.orders.status, 'pending')));
    return rows.map(orderRecord);
  }

  async takeOver(order: OrderRecord): Promise<boolean> {
    return this.ctx.write([order.accountId], async (tx) => {
      // Listed as pending, it may have ended since (on another instance): an ended order takes no claim.
      const [pending] = await tx
        .select({ id: t.orders.id })
        .from(t.orders)
        .where(and(eq(t.orders.id, order.id), eq(t.orders.status, 'pending')));
      return pending !== undefined && this.ctx.claims.takeOver(tx, order.subscriptionId, orderHolder(order.id));
    });
  }
}
