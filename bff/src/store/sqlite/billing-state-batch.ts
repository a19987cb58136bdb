import type Database from 'better-sqlite3';
import {
  accounts,
  paymentMethods,
  scheduledChanges,
  subscriptionCancellations,
  subscriptionItems,
  subscriptions,
} from '../../db/schema';
import type { BillingState } from '../records';
import { billingStateOf } from './billing-state-rows';
import type { CatalogCache } from './catalog-rows';
import { rawColumns } from './raw-columns';

const A = rawColumns(accounts, 'a');
const S = rawColumns(subscriptions, 's');
const CARD = rawColumns(paymentMethods, 'pm');
const PENDING = rawColumns(scheduledChanges, 'sc');
const ITEM = rawColumns(subscriptionItems, 'i');
const CANCELLATION = rawColumns(subscriptionCancellations, 'c');
const REPLACED = rawColumns(scheduledChanges, 'r');

/** Where each table's columns start in a head row; then credit, unpaid invoices and provisioning. */
const AT = {
  account: S.width,
  card: S.width + A.width,
  pending: S.width + A.width + CARD.width,
  scalars: S.width + A.width + CARD.width + PENDING.width,
};

/** The subscriptions named by the statement's one parameter, a JSON array of ids. */
const NAMED = 'select value from json_each(?)';

/**
 * Reads the billing states of many subscriptions at once, for the period-end run: the same rows
 * as BillingStateReader.readFresh reads for one account (and the same state from them), in three
 * statements per batch instead of nine per subscription, each compiled once. Runs in the
 * caller's transaction, so the states are those the batch then writes over.
 */
export class BillingStateBatchReader {
  readonly #heads: Database.Statement<[string], unknown[]>;
  readonly #items: Database.Statement<[string], unknown[]>;
  readonly #cancellations: Database.Statement<[string], unknown[]>;

  constructor(
    sqlite: Database.Database,
    private readonly catalogs: CatalogCache,
  ) {
    // At most one default card and one pending scheduled change (unique partial indexes): the
    // left joins add no rows. Provisioning, credit and unpaid invoices as readFresh counts them.
    this.#heads = sqlite
      .prepare<[string], unknown[]>(
        `select ${S.list}, ${A.list}, ${CARD.list}, ${PENDING.list},
           (select coalesce(sum(cl.amount), 0) from credit_ledger cl where cl.account_id = a.id),
           (select count(*) from documents d
             where d.subscription_id = s.id and d.kind = 'invoice'
               and d.amount_due > coalesce((select sum(p.amount) from payments p
                 where p.invoice_id = d.id and p.status = 'succeeded'), 0)),
           (select json_object('id', cc.id, 'activeEntitlements', json(cc.active_entitlements)) from confirmed_changes cc
             where cc.subscription_id = s.id and cc.provisioning = 'pending' limit 1)
         from subscriptions s
           join accounts a on a.id = s.account_id
           left join payment_methods pm on pm.account_id = a.id and pm.is_default = 1
           left join scheduled_changes sc on sc.subscription_id = s.id and sc.status = 'pending'
         where s.id in (${NAMED})`,
      )
      .raw();
    this.#items = sqlite
      .prepare<[string], unknown[]>(
        `select ${ITEM.list} from subscription_items i where i.subscription_id in (${NAMED})`,
      )
      .raw();
    // Per subscription, the pending cancellation first, else the last one applied (readFresh's order).
    this.#cancellations = sqlite
      .prepare<[string], unknown[]>(
        `select ${CANCELLATION.list}, ${REPLACED.list} from (
           select *, row_number() over (partition by subscription_id
             order by status = 'pending' desc, ended_at desc, id desc) as n
           from subscription_cancellations
           where subscription_id in (${NAMED}) and status in ('pending', 'applied')) c
         left join scheduled_changes r on r.id = c.replaced_scheduled_change_id
         where c.n = 1`,
      )
      .raw();
  }

  /** The states of the subscriptions that exist (with their account and catalog), by subscription id. */
  read(subscriptionIds: readonly string[]): Map<string, BillingState> {
    const states = new Map<string, BillingState>();
    if (subscriptionIds.length === 0) return states;
    const named = JSON.stringify(subscriptionIds);
    const items = new Map<string, (typeof subscriptionItems.$inferSelect)[]>();
    for (const values of this.#items.all(named)) {
      const item = ITEM.row(values, 0);
      if (!item) continue;
      const list = items.get(item.subscriptionId);
      if (list) list.push(item);
      else items.set(item.subscriptionId, [item]);
    }
    const cancellations = new Map<
      string,
      {
        cancellation: typeof subscriptionCancellations.$inferSelect;
        replaced: typeof scheduledChanges.$inferSelect | null;
      }
    >();
    for (const values of this.#cancellations.all(named)) {
      const cancellation = CANCELLATION.row(values, 0);
      if (cancellation) {
        cancellations.set(cancellation.subscriptionId, {
          cancellation,
          replaced: REPLACED.row(values, CANCELLATION.width),
        });
      }
    }
    const catalogs = new Map<string, ReturnType<CatalogCache['get']>>();
    for (const values of this.#heads.all(named)) {
      const row = S.row(values, 0);
      const accountRow = A.row(values, AT.account);
      const card = CARD.row(values, AT.card);
      const pending = PENDING.row(values, AT.pending);
      if (!row || !accountRow) continue;
      if (!catalogs.has(accountRow.catalogId))
        catalogs.set(accountRow.catalogId, this.catalogs.get(accountRow.catalogId));
      const catalog = catalogs.get(accountRow.catalogId);
      if (!catalog) continue;
      const provisioning = values[AT.scalars + 2];
      states.set(
        row.id,
        billingStateOf({
          accountRow,
          card,
          catalog,
          row,
          items: items.get(row.id) ?? [],
          pending,
          cancellation: cancellations.get(row.id) ?? null,
          creditBalance: Number(values[AT.scalars]),
          unpaidInvoices: Number(values[AT.scalars + 1]),
          provisioning:
            typeof provisioning === 'string'
              ? (JSON.parse(provisioning) as { id: string; activeEntitlements: unknown })
              : null,
        }),
      );
    }
    return states;
  }
}
