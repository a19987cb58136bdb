import type { CardBrand } from '@planshift/shared/payment-card';
import { and, desc, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { PaymentMethod, PaymentMethodRecord } from '../records';
import type { Conn } from './connection';

type Row = typeof t.paymentMethods.$inferSelect;

export function paymentMethodRecord(row: Row): PaymentMethodRecord {
  return { ...row, brand: row.brand as CardBrand };
}

/** What a charge needs of the default card: its token, and what identifies it. */
export function chargeableCard(row: Row): PaymentMethod {
  const { brand, last4, expMonth, expYear, token } = paymentMethodRecord(row);
  return { brand, last4, expMonth, expYear, reference: token };
}

/** The account's cards, the default first, then the newest. */
export function readPaymentMethods(db: Conn, accountId: string): PaymentMethodRecord[] {
  return db
    .select()
    .from(t.paymentMethods)
    .where(eq(t.paymentMethods.accountId, accountId))
    .orderBy(desc(t.paymentMethods.isDefault), desc(t.paymentMethods.createdAt), desc(t.paymentMethods.id))
    .all()
    .map(paymentMethodRecord);
}

/** The card every charge of the account goes to, or null. */
export function readDefaultCard(db: Conn, accountId: string): PaymentMethod | null {
  const row = db
    .select()
    .from(t.paymentMethods)
    .where(and(eq(t.paymentMethods.accountId, accountId), eq(t.paymentMethods.isDefault, true)))
    .get();
  return row ? chargeableCard(row) : null;
}
