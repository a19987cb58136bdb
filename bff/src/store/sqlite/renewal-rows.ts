import type { Renewal } from '@planshift/shared/apply';
import { itemNames } from '@planshift/shared/catalog';
import type { InvoiceDraft } from '@planshift/shared/documents';
import type { Instant } from '@planshift/shared/periods';
import { type ChangeDescriptor, describeChanges } from '@planshift/shared/quote';
import { currentTarget } from '@planshift/shared/subscription';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import { uuidV7 } from '../../ids';
import { billingDetailsOf } from '../account-billing-details';
import type { AccountRecord, BillingState, Seller } from '../records';
import { type ChangeMail, changeMail } from './change-mail';
import type { CollectionWriter } from './collection-rows';
import type { Conn } from './connection';
import type { NewDocument } from './document-rows';
import type { RowWriter } from './row-writer';

/** A renewal ready to write: the engine's result, and the state it was decided from. */
export type RenewalWrite = Readonly<{ state: BillingState; renewals: readonly Renewal[]; at: Instant }>;

/**
 * Writes one subscription's renewals in the caller's transaction: the subscription at its new
 * period (checked against the version it was read at), the scheduled change marked applied, and
 * per renewed period its invoice, the credit it used, its collection, the e-mail and the audit
 * event. Returns the invoices issued.
 */
export function writeRenewals(
  tx: Conn,
  { state, renewals, at }: RenewalWrite,
  seller: Seller,
  rows: RowWriter,
  collections: CollectionWriter,
): string[] {
  const last = renewals.at(-1);
  if (!last) return [];
  const { account, subscription } = state;
  if (!rows.writeSubscription(last.subscription, state.version, subscription)) {
    throw new Error(`subscription ${subscription.id} changed during its renewal`);
  }
  const names = itemNames(state.catalog.catalog, account.locale);
  const invoices: string[] = [];
  for (const renewal of renewals) {
    if (renewal.appliedChange && state.scheduledChange) {
      tx.update(t.scheduledChanges)
        .set({ status: 'applied', endedAt: renewal.renewedAt })
        .where(and(eq(t.scheduledChanges.id, state.scheduledChange.id), eq(t.scheduledChanges.status, 'pending')))
        .run();
    }
    const { invoice } = renewal;
    const invoiceId = uuidV7();
    const issued = rows.issueDocument(
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
      tx.insert(t.creditLedger)
        .values({
          accountId: account.id,
          amount: -invoice.creditBalanceApplied.amount,
          currency: invoice.currency,
          reason: 'applied_to_invoice',
          documentId: invoiceId,
          createdAt: renewal.renewedAt,
        })
        .run();
    }
    if (invoice.amountDue.amount > 0) {
      collections.schedule({ invoiceId, accountId: account.id, subscriptionId: subscription.id }, renewal.renewedAt);
    }
    rows.queueEmail({
      accountId: account.id,
      kind: 'renewal_invoiced',
      recipient: account.billingEmail,
      payload: { invoiceId, locale: account.locale, appliedChange: appliedChangeMail(state, renewal, names) },
      at,
    });
    rows.audit({
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

/**
 * What the renewal e-mail says took effect: the parts of the scheduled change the renewal applied
 * (as the customer saw them when scheduling it), with their items' names in the account's language.
 */
export function appliedChangeMail(
  state: BillingState,
  renewal: Renewal,
  names: Readonly<Record<string, string>>,
): ChangeMail | null {
  if (!renewal.appliedChange) return null;
  const changes: readonly ChangeDescriptor[] =
    state.scheduledChange?.changes ??
    describeChanges(
      state.catalog.catalog,
      state.subscription,
      currentTarget(state.subscription),
      renewal.appliedChange.target,
    );
  return changeMail(changes, names);
}

/** A period's invoice as a document to issue: for the renewal run, and for the seeded history. */
export function renewalInvoice(
  input: Readonly<{
    id: string;
    account: Omit<AccountRecord, 'paymentMethod'>;
    subscriptionId: string;
    seller: Seller;
    invoice: InvoiceDraft;
    names: Readonly<Record<string, string>>;
    issuedAt: Instant;
  }>,
): NewDocument {
  const { account, invoice } = input;
  return {
    id: input.id,
    accountId: account.id,
    subscriptionId: input.subscriptionId,
    kind: 'invoice',
    reason: 'renewal',
    currency: invoice.currency,
    total: invoice.total.amount,
    creditNoteApplied: 0,
    creditBalanceApplied: invoice.creditBalanceApplied.amount,
    forfeited: 0,
    amountDue: invoice.amountDue.amount,
    relatedDocumentId: null,
    orderId: null,
    seller: input.seller,
    customer: billingDetailsOf(account),
    locale: account.locale,
    issuedAt: input.issuedAt,
    lines: invoice.lines,
    itemNames: input.names,
  };
}
