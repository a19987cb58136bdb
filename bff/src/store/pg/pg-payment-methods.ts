import { and, count, desc, eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import { uuidV7 } from '../../ids';
import {
  type AddCardResult,
  type CardChange,
  MAX_CARDS_PER_ACCOUNT,
  type PaymentMethodRepository,
  type RemoveCardResult,
} from '../payment-method-repository';
import type { PaymentMethodRecord } from '../records';
import { paymentMethodRecord } from '../sqlite/payment-method-rows';
import { describeCard } from '../sqlite/sqlite-payment-methods';
import type { Conn } from './connection';
import type { PgContext } from './pg-context';
import { namesNoRow } from './pg-text';

/**
 * The cards on file. Each change is one write transaction, holding the account's row lock (so
 * two cards added at once count against the limit one after the other, and one default is left),
 * that also audits it.
 */
export class PgPaymentMethods implements PaymentMethodRepository {
  constructor(private readonly ctx: PgContext) {}

  /** The account's cards, the default first, then the newest. */
  async list(accountId: string): Promise<PaymentMethodRecord[]> {
    const rows = await this.ctx.db
      .select()
      .from(t.paymentMethods)
      .where(eq(t.paymentMethods.accountId, accountId))
      .orderBy(desc(t.paymentMethods.isDefault), desc(t.paymentMethods.createdAt), desc(t.paymentMethods.id));
    return rows.map(paymentMethodRecord);
  }

  async add({ accountId, userId, at, card, makeDefault }: Parameters<PaymentMethodRepository['add']>[0]) {
    return this.ctx.write([accountId], async (tx): Promise<AddCardResult> => {
      const [held] = await tx
        .select({ n: count() })
        .from(t.paymentMethods)
        .where(eq(t.paymentMethods.accountId, accountId));
      const n = held?.n ?? 0;
      if (n >= MAX_CARDS_PER_ACCOUNT) return { kind: 'limit' };
      const isDefault = makeDefault || n === 0;
      if (isDefault) await clearDefault(tx, accountId);
      const row = { id: `pm-${uuidV7()}`, accountId, ...card, isDefault, createdAt: at };
      await tx.insert(t.paymentMethods).values(row);
      await this.#audit(tx, { accountId, userId, at }, 'payment_method.added', row.id, {
        ...describeCard(row),
        isDefault,
      });
      return { kind: 'added', paymentMethod: paymentMethodRecord(row) };
    });
  }

  async makeDefault({ accountId, userId, at, id }: CardChange & Readonly<{ id: string }>) {
    if (namesNoRow(id)) return 'not_found' as const;
    return this.ctx.write([accountId], async (tx) => {
      const row = await findCard(tx, accountId, id);
      if (!row) return 'not_found' as const;
      if (row.isDefault) return 'done' as const;
      await clearDefault(tx, accountId);
      await tx.update(t.paymentMethods).set({ isDefault: true }).where(eq(t.paymentMethods.id, id));
      await this.#audit(tx, { accountId, userId, at }, 'payment_method.made_default', id, describeCard(row));
      return 'done' as const;
    });
  }

  async remove({ accountId, userId, at, id }: CardChange & Readonly<{ id: string }>) {
    if (namesNoRow(id)) return 'not_found' as const;
    return this.ctx.write([accountId], async (tx): Promise<RemoveCardResult> => {
      const row = await findCard(tx, accountId, id);
      if (!row) return 'not_found';
      if (row.isDefault) return 'is_default';
      // A payment waiting for the customer's bank charges the card it was started with.
      const [challenged] = await tx
        .select({ id: t.paymentChallenges.id })
        .from(t.paymentChallenges)
        .where(
          and(
            eq(t.paymentChallenges.accountId, accountId),
            eq(t.paymentChallenges.status, 'open'),
            eq(t.paymentChallenges.paymentMethodToken, row.token),
          ),
        )
        .limit(1);
      if (challenged) return 'in_use';
      await tx.delete(t.paymentMethods).where(eq(t.paymentMethods.id, id));
      await this.#audit(tx, { accountId, userId, at }, 'payment_method.removed', id, describeCard(row));
      return 'removed';
    });
  }

  async #audit(tx: Conn, { accountId, userId, at }: CardChange, action: string, subjectId: string, data: unknown) {
    await this.ctx.rows.audit(tx, { accountId, userId, action, subjectType: 'payment_method', subjectId, data, at });
  }
}

async function findCard(tx: Conn, accountId: string, id: string) {
  const [row] = await tx
    .select()
    .from(t.paymentMethods)
    .where(and(eq(t.paymentMethods.id, id), eq(t.paymentMethods.accountId, accountId)));
  return row;
}

async function clearDefault(tx: Conn, accountId: string): Promise<void> {
  await tx
    .update(t.paymentMethods)
    .set({ isDefault: false })
    .where(and(eq(t.paymentMethods.accountId, accountId), eq(t.paymentMethods.isDefault, true)));
}
