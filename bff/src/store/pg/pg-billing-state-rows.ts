import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import {
  accounts,
  catalogs,
  confirmedChanges,
  creditLedger,
  documents,
  paymentMethods,
  payments,
  scheduledChanges,
  subscriptionCancellations,
  subscriptionItems,
  subscriptions,
} from '../../db/pg-schema';
import type { BillingState, CatalogRecord } from '../records';
import { billingStateOf } from '../sqlite/billing-state-rows';
import type { Queryable } from './connection';
import type { PgCatalogReader } from './pg-catalog-rows';
import { rowOf } from './pg-json-rows';

/**
 * An account's billing state in ONE statement (SQLite's BillingStateReader reads the same rows):
 * each table's rows as JSON in a subquery. One statement sees one snapshot, so it needs no
 * transaction around it, and it runs as a named prepared statement, parsed and planned once per
 * connection: a quote's state cost twelve round trips (begin, ten reads, commit) and about 3 ms
 * of the BFF's CPU (docs/decisions/028). Each scalar subquery is limited to one row, as reading
 * the first row of its own query was.
 */
const stateQuery = new PgDialect().sqlToQuery(sql`
  select
    row_to_json(${accounts}) as account,
    (select row_to_json(${paymentMethods}) from ${paymentMethods}
      where ${paymentMethods.accountId} = ${accounts.id} and ${paymentMethods.isDefault} = true limit 1) as card,
    (select ${catalogs}.xmin::text from ${catalogs} where ${catalogs.id} = ${accounts.catalogId}) as catalog_version,
    row_to_json(${subscriptions}) as subscription,
    (select coalesce(json_agg(${subscriptionItems}), '[]') from ${subscriptionItems}
      where ${subscriptionItems.subscriptionId} = ${subscriptions.id}) as items,
    (select row_to_json(${scheduledChanges}) from ${scheduledChanges}
      where ${scheduledChanges.subscriptionId} = ${subscriptions.id} and ${scheduledChanges.status} = 'pending' limit 1) as pending,
    -- The pending cancellation first; else the last one applied (which matters only while the subscription is canceled).
    (select json_build_object('cancellation', row_to_json(c), 'replaced', row_to_json(r))
      from ${subscriptionCancellations} c left join ${scheduledChanges} r on r.id = c.replaced_scheduled_change_id
      where c.subscription_id = ${subscriptions.id} and c.status in ('pending', 'applied')
      order by c.status = 'pending' desc, c.ended_at desc, c.id desc limit 1) as cancellation,
    (select coalesce(sum(${creditLedger.amount}), 0) from ${creditLedger}
      where ${creditLedger.accountId} = ${accounts.id}) as credit_balance,
    (select count(*) from ${documents}
      where ${documents.subscriptionId} = ${subscriptions.id} and ${documents.kind} = 'invoice'
        and ${documents.amountDue} > coalesce((select sum(${payments.amount}) from ${payments}
          where ${payments.invoiceId} = ${documents.id} and ${payments.status} = 'succeeded'), 0)) as unpaid_invoices,
    (select json_build_object('id', ${confirmedChanges.id}, 'activeEntitlements', ${confirmedChanges.activeEntitlements})
      from ${confirmedChanges}
      where ${confirmedChanges.subscriptionId} = ${subscriptions.id} and ${confirmedChanges.provisioning} = 'pending' limit 1) as provisioning
  from ${accounts} left join ${subscriptions} on ${subscriptions.accountId} = ${accounts.id}
  where ${accounts.id} = ${sql.placeholder('accountId')}
`);

type Json = Record<string, unknown>;
type StateRow = Readonly<{
  account: Json;
  card: Json | null;
  catalog_version: string | null;
  subscription: Json | null;
  items: Json[];
  pending: Json | null;
  cancellation: Readonly<{ cancellation: Json; replaced: Json | null }> | null;
  credit_balance: number;
  unpaid_invoices: number;
  provisioning: Readonly<{ id: string; activeEntitlements: unknown }> | null;
}>;

/** A catalog that moved between the state's statement and reading it is read again; this often, something is wrong. */
const CATALOG_ATTEMPTS = 3;

/**
 * Reads an account's billing state. No cache on PostgreSQL: another instance may have changed the
 * account a moment ago, and nothing tells this one yet (docs/decisions/028); every read is fresh,
 * so correct across instances. The catalog is cached by its row's version (xmin), which the
 * statement reads every time.
 */
export class PgBillingStateReader {
  constructor(private readonly catalogs: PgCatalogReader) {}

  /**
   * On `db`: a transaction's connection, or the pool (one statement needs no transaction). A
   * catalog not cached at the version the statement saw is read by `readCatalog` (in a snapshot
   * of its own, or in the caller's transaction), and the state read again with it.
   */
  async read(
    db: Queryable,
    accountId: string,
    readCatalog: (catalogId: string) => Promise<CatalogRecord | null>,
  ): Promise<BillingState | null> {
    for (let attempt = 1; attempt <= CATALOG_ATTEMPTS; attempt++) {
      const { rows } = await db.query<StateRow>({
        name: 'billing-state',
        text: stateQuery.sql,
        values: [accountId],
      });
      const [state] = rows;
      if (!state) return null;
      const accountRow = rowOf(accounts, state.account);
      if (!state.subscription || state.catalog_version === null) return null;
      const catalog = this.catalogs.cached(accountRow.catalogId, state.catalog_version);
      if (!catalog) {
        if (!(await readCatalog(accountRow.catalogId))) return null;
        continue;
      }
      return billingStateOf({
        accountRow,
        card: state.card && rowOf(paymentMethods, state.card),
        catalog,
        row: rowOf(subscriptions, state.subscription),
        items: state.items.map((item) => rowOf(subscriptionItems, item)),
        pending: state.pending && rowOf(scheduledChanges, state.pending),
        cancellation: state.cancellation && {
          cancellation: rowOf(subscriptionCancellations, state.cancellation.cancellation),
          replaced: state.cancellation.replaced && rowOf(scheduledChanges, state.cancellation.replaced),
        },
        creditBalance: Number(state.credit_balance),
        unpaidInvoices: Number(state.unpaid_invoices),
        provisioning: state.provisioning,
      });
    }
    throw new Error(`the catalog of account ${accountId} changed on each of ${CATALOG_ATTEMPTS} reads`);
  }
}
