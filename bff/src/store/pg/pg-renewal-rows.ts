import { itemNames } from '@planshift/shared/catalog';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import { uuidV7 } from '../../ids';
import type { Seller } from '../records';
import { appliedChangeMail, type RenewalWrite, renewalInvoice } from '../sqlite/renewal-rows';
import type { Conn } from './connection';
import type { PgContext } from './pg-context';

/**
 * Writes one subscription's renewals in the caller's transaction, which holds its account's lock
 * (SQLite's writeRenewals): the subscription at its new period (checked against the version it
 * was read at), the scheduled change marked applied, and per renewed period its invoice, the
 * credit it used, its collection, the e-mail and the audit event. Returns the invoices issued.
 */
export async function writeRenewals(
  ctx: PgContext,
  tx: Conn,
  { state, renewals, at }: RenewalWrite,
  seller: Seller,
): Promise<string[]> {
  const last = renewals.at(-1);
  if (!last) return [];
  const { account, subscription } = state;
  if (!(await ctx.rows.writeSubscription(tx, last.subscription, state.version, subscription))) {
    throw new Error(`subscription ${subscription.id} changed during its renewal`);
  }
  const names = itemNames(state.catalog.catalog, account.locale);
  const invoices: string[] = [];
  for (const renewal of renewals) {
    if (renewal.appliedChange && state.scheduledChange) {
      await tx
        .update(t.scheduledChanges)
        .set({ status: 'applied', endedAt: renewal.renewedAt })
        .where(and(eq(t.scheduledChanges.id, state.scheduledChange.id), eq(t.scheduledChanges.status, 'pending')));
    }
    const { invoice } = renewal;
    const invoiceId = uuidV7();
    const issued = await ctx.rows.issueDocument(
      tx,
      renewalInvoice({
        id: invoiceId,
        account,
        subscriptionId: subscription.id,
        seller,
        invoice,
        names,
        issuedAt: renewal.renewedAt,
      }),
    );
    invoices.push(invoiceId);
    if (invoice.creditBalanceApplied.amount > 0) {
      await tx.insert(t.creditLedger).values({
        accountId: account.id,
        amount: -invoice.creditBalanceApplied.amount,
        currency: invoice.currency,
        reason: 'applied_to_invoice',
        documentId: invoiceId,
        createdAt: renewal.renewedAt,
      });
    }
    if (invoice.amountDue.amount > 0) {
      await ctx.collections.schedule(
        tx,
        { invoiceId, accountId: account.id, subscriptionId: subscription.id },
        renewal.renewedAt,
      );
    }
    await ctx.rows.queueEmail(tx, {
      accountId: account.id,
      kind: 'renewal_invoiced',
      recipient: account.billingEmail,
      payload: { invoiceId, locale: account.locale, appliedChange: appliedChangeMail(state, renewal, names) },
      at,
    });
    await ctx.rows.audit(tx, {
      accountId: account.id,
      userId: null,
      action: 'subscription.renewed',
      subjectType: 'subscription',
      subjectId: subscription.id,
      data: {
        period: renewal.period,
        invoice: issued.number,
        appliedScheduledChange: renewal.appliedChange !== null,
        creditApplied: invoice.creditBalanceApplied.amount,
        amountDue: invoice.amountDue.amount,
      },
      at,
    });
  }
  return invoices;
}
