import { and, eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type { OrderRecord, StoredResponse } from '../records';
import type { Conn } from './connection';

/** The Idempotency-Key row an order was claimed under. */
export async function keyRow(tx: Conn, order: OrderRecord) {
  const [row] = await tx
    .select()
    .from(t.idempotencyKeys)
    .where(and(eq(t.idempotencyKeys.accountId, order.accountId), eq(t.idempotencyKeys.key, order.idempotencyKey)));
  return row;
}

/** Completes the order's key with the answer its retries replay. */
export async function finishKey(tx: Conn, order: OrderRecord, response: StoredResponse): Promise<void> {
  await tx
    .update(t.idempotencyKeys)
    .set({ state: 'completed', responseStatus: response.status, responseBody: JSON.stringify(response.body) })
    .where(and(eq(t.idempotencyKeys.accountId, order.accountId), eq(t.idempotencyKeys.key, order.idempotencyKey)));
}
