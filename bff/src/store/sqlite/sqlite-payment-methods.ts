import { and, count, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import { uuidV7 } from '../../ids';
import {
  type AddCardResult,
  type CardChange,
  MAX_CARDS_PER_ACCOUNT,
  type PaymentMethodRepository,
  type RemoveCardResult,
} from '../payment-method-repository';
import type { PaymentMethodRecord } from '../records';
import type { Conn } from './connection';
import { paymentMethodRecord, readPaymentMethods } from './payment-method-rows';
import type { SqliteContext } from './sqlite-context';

/**
 * The cards on file. Each change is one write transaction that also audits it, and drops the
 * account's cached billing state (which carries the default card that charges go to).
 */
export class SqlitePaymentMethods implements PaymentMethodRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async list(accountId: string): Promise<PaymentMethodRecord[]> {
    return readPaymentMethods(this.ctx.db, accountId);
  }

  async add({ accountId, userId, at, card, makeDefault }: Parameters<PaymentMethodRepository['add']>[0]) {
    return this.ctx.write([accountId], (tx): AddCardResult => {
      const held = tx
        .select({ n: count() })
        .from(t.paymentMethods)
        .where(eq(t.paymentMethods.accountId, accountId))
        .get();
      const n = held?.n ?? 0;
      if (n >= MAX_CARDS_PER_ACCOUNT) return { kind: 'limit' };
      const isDefault = makeDefault || n === 0;
      if (isDefault) clearDefault(tx, accountId);
      const row = { id: `pm-${uuidV7()}`, accountId, ...card, isDefault, createdAt: at };
      tx.insert(t.paymentMethods).values(row).run();
      this.#audit({ accountId, userId, at }, 'payment_method.added', row.id, { ...describeCard(row), isDefault });
      return { kind: 'added', paymentMethod: paymentMethodRecord(row) };
    });
  }

  async makeDefault({ accountId, userId, at, id }: CardChange & Readonly<{ id: string }>) {
    return this.ctx.write([accountId], (tx) => {
      const row = findCard(tx, accountId, id);
      if (!row) return 'not_found' as const;
      if (row.isDefault) return 'done' as const;
      clearDefault(tx, accountId);
      tx.update(t.paymentMethods).set({ isDefault: true }).where(eq(t.paymentMethods.id, id)).run();
      this.#audit({ accountId, userId, at }, 'payment_method.made_default', id, describeCard(row));
      return 'done' as const;
    });
  }

  async remove({ accountId, userId, at, id }: CardChange & Readonly<{ id: string }>) {
    return this.ctx.write([accountId], (tx): RemoveCardResult => {
      const row = findCard(tx, accountId, id);
      if (!row) return 'not_found';
      if (row.isDefault) return 'is_default';
      // A payment waiting for the customer's bank charges the card it was started with.
      const challenged = tx
        .select({ id: t.paymentChallenges.id })
        .from(t.paymentChallenges)
        .where(
          and(
            eq(t.paymentChallenges.accountId, accountId),
            eq(t.paymentChallenges.status, 'open'),
            eq(t.paymentChallenges.paymentMethodToken, row.token),
          ),
        )
        .get();
      if (challenged) return 'in_use';
      tx.delete(t.paymentMethods).where(eq(t.paymentMethods.id, id)).run();
      this.#audit({ accountId, userId, at }, 'payment_method.removed', id, describeCard(row));
      return 'removed';
    });
  }

  #audit({ accountId, userId, at }: CardChange, action: string, subjectId: string, data: unknown): void {
    this.ctx.rows.audit({ accountId, userId, action, subjectType: 'payment_method', subjectId, data, at });
  }
}

function findCard(tx: Conn, accountId: string, id: string) {
  return tx
    .select()
    .from(t.paymentMethods)
    .where(and(eq(t.paymentMethods.id, id), eq(t.paymentMethods.accountId, accountId)))
    .get();
}

function clearDefault(tx: Conn, accountId: string): void {
  tx.update(t.paymentMethods)
    .set({ isDefault: false })
    .where(and(eq(t.paymentMethods.accountId, accountId), eq(t.paymentMethods.isDefault, true)))
    .run();
}

/** What the audit keeps of a card: what identifies it to people, not its token. */
export const describeCard = (row: Readonly<{ brand: string; last4: string; expMonth: number; expYear: number }>) => ({
  brand: row.brand,
  last4: row.last4,
  expMonth: row.expMonth,
  expYear: row.expYear,
});
