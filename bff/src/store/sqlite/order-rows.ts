import * as t from '../../db/schema';
import type { ClaimInput } from '../order-repository';
import type { OrderRecord, StoredResponse } from '../records';
import type { PreparedRows } from './prepared-rows';

type OrderRow = typeof t.orders.$inferSelect;

/** The Idempotency-Key's row while its order runs: the same on every dialect. */
export function keyInProgress(input: ClaimInput, orderId: string) {
  return {
    accountId: input.accountId,
    key: input.idempotencyKey,
    requestHash: input.requestHash,
    state: 'in_progress' as const,
    orderId,
    createdAt: input.now,
    expiresAt: input.keyExpiresAt,
  };
}

export function orderRecord(row: OrderRow): OrderRecord {
  return { ...row, currency: row.currency as OrderRecord['currency'] };
}

export function storedResponse(row: {
  responseStatus: number | null;
  responseBody: string | null;
}): StoredResponse | null {
  if (row.responseStatus === null || row.responseBody === null) return null;
  return { status: row.responseStatus, body: JSON.parse(row.responseBody) };
}

/** The Idempotency-Key row an order was claimed under. */
export function keyRow(prepared: PreparedRows, order: OrderRecord) {
  return prepared.find(t.idempotencyKeys, { accountId: order.accountId, key: order.idempotencyKey });
}

/** Completes the order's key with the answer its retries replay (in the caller's write transaction). */
export function finishKey(prepared: PreparedRows, order: OrderRecord, response: StoredResponse): void {
  prepared.update(
    t.idempotencyKeys,
    { state: 'completed', responseStatus: response.status, responseBody: JSON.stringify(response.body) },
    { accountId: order.accountId, key: order.idempotencyKey },
  );
}
