import type { CardBrand } from '@planshift/shared/payment-card';
import type { Instant } from '@planshift/shared/periods';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { ChallengeStatus, PaymentChallengeRecord } from '../records';
import type { Conn } from './connection';
import type { PreparedRows } from './prepared-rows';

type Row = typeof t.paymentChallenges.$inferSelect;

export function challengeRecord(row: Row, merchant: string): PaymentChallengeRecord {
  const { brand, last4, paymentMethodToken: _, ...rest } = row;
  return {
    ...rest,
    merchant,
    currency: row.currency as PaymentChallengeRecord['currency'],
    card: brand && last4 ? { brand: brand as CardBrand, last4 } : null,
  };
}

/** The card a token names on the account's file, as the bank page shows it. */
export function cardOnFile(tx: Conn, accountId: string, token: string) {
  const row = tx
    .select({ brand: t.paymentMethods.brand, last4: t.paymentMethods.last4 })
    .from(t.paymentMethods)
    .where(and(eq(t.paymentMethods.accountId, accountId), eq(t.paymentMethods.token, token)))
    .get();
  return { brand: row?.brand ?? null, last4: row?.last4 ?? null };
}

/** Ends an order's open challenge in the transaction that ends the order. */
export function endOrderChallenge(
  prepared: PreparedRows,
  orderId: string,
  status: Exclude<ChallengeStatus, 'open'>,
  at: Instant,
) {
  prepared.update(t.paymentChallenges, { status, endedAt: at }, { orderId, status: 'open' });
}
