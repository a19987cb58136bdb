import type { Instant } from '@planshift/shared/periods';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type { ChallengeStatus } from '../records';
import type { Conn } from './connection';

/** The card a token names on the account's file, as the bank page shows it. */
export async function cardOnFile(tx: Conn, accountId: string, token: string) {
  const [row] = await tx
    .select({ brand: t.paymentMethods.brand, last4: t.paymentMethods.last4 })
    .from(t.paymentMethods)
    .where(and(eq(t.paymentMethods.accountId, accountId), eq(t.paymentMethods.token, token)));
  return { brand: row?.brand ?? null, last4: row?.last4 ?? null };
}

/** Ends an order's open challenge in the transaction that ends the order. */
export async function endOrderChallenge(
  tx: Conn,
  orderId: string,
  status: Exclude<ChallengeStatus, 'open'>,
  at: Instant,
): Promise<void> {
  await tx
    .update(t.paymentChallenges)
    .set({ status, endedAt: at })
    .where(and(eq(t.paymentChallenges.orderId, orderId), eq(t.paymentChallenges.status, 'open')));
}
