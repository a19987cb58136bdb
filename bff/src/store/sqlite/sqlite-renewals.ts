import type { Instant } from '@planshift/shared/periods';
import { currentPeriod } from '@planshift/shared/subscription';
import type { Statement } from 'better-sqlite3';
import type { Seller } from '../records';
import type { RenewalRepository } from '../renewal-repository';
import { BillingStateBatchReader } from './billing-state-batch';
import { writeEnding } from './ending-rows';
import { writeRenewals } from './renewal-rows';
import { ANY_ACCOUNT, readSeller, type SqliteContext } from './sqlite-context';

export class SqliteRenewals implements RenewalRepository {
  readonly #dueSubscriptions: Statement<[Instant, Instant, string, number], [string, Instant]>;
  readonly #setPeriodEnd: Statement<[Instant, string]>;
  readonly #states: BillingStateBatchReader;

  constructor(private readonly ctx: SqliteContext) {
    // Row values walk the (period end, id) index in order, a batch per transaction.
    this.#dueSubscriptions = ctx.db.$client
      .prepare<[Instant, Instant, string, number], [string, Instant]>(
        `select id, current_period_end from subscriptions
         where current_period_end <= ? and status in ('active', 'past_due')
           and (current_period_end, id) > (?, ?)
         order by current_period_end, id limit ?`,
      )
      .raw();
    this.#setPeriodEnd = ctx.db.$client.prepare<[Instant, string]>(
      'update subscriptions set current_period_end = ? where id = ?',
    );
    this.#states = new BillingStateBatchReader(ctx.db.$client, ctx.catalogs);
  }

  async renewDue({
    now,
    limit,
    cursor,
    renew,
  }: Parameters<RenewalRepository['renewDue']>[0]): ReturnType<RenewalRepository['renewDue']> {
    return this.ctx.write(ANY_ACCOUNT, (tx) => {
      const rows = this.#dueSubscriptions.all(now, cursor?.periodEnd ?? -1, cursor?.subscriptionId ?? '', limit);
      // Read once something is due: a database with no subscriptions has no seller yet.
      let seller: Seller | null = null;
      let renewed = 0;
      let ended = 0;
      let invoices = 0;
      let skipped = 0;
      const ids = rows.map(([subscriptionId]) => subscriptionId);
      const claimed = this.ctx.claims.claimedAmong(ids);
      // Held by an order or a collection: renewed by a later pass, once that writer is done.
      const free = claimed.size === 0 ? ids : ids.filter((id) => !claimed.has(id) || this.ctx.claims.isFree(id));
      skipped += ids.length - free.length;
      // Read in the transaction that writes them, set-based: a few statements for the whole batch.
      const states = this.#states.read(free);
      for (const [subscriptionId, periodEnd] of rows) {
        const state = states.get(subscriptionId);
        if (!state) continue;
        const { renewals, ending } = renew(state);
        if (renewals.length === 0 && !ending) {
          // Not due after all (a period end the migration could not compute) or not renewable:
          // keep the true end, so the next run's walk does not come back to it early.
          const end = currentPeriod(state.subscription).end;
          if (end !== periodEnd) this.#setPeriodEnd.run(end, subscriptionId);
          continue;
        }
        const write = { state, renewals, at: now };
        seller ??= readSeller(tx);
        invoices += writeRenewals(tx, write, seller, this.ctx.rows, this.ctx.collections).length;
        if (renewals.length > 0) renewed += 1;
        if (ending) {
          // After its renewals (if runs were missed), at the version they left it at.
          writeEnding(
            tx,
            { state, ending, version: state.version + (renewals.length > 0 ? 1 : 0), at: now },
            this.ctx.rows,
          );
          ended += 1;
        }
      }
      const last = rows.at(-1);
      return {
        renewed,
        ended,
        invoices,
        skipped,
        cursor: last && rows.length === limit ? { periodEnd: last[1], subscriptionId: last[0] } : null,
      };
    });
  }
}
