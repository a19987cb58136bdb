import type { Instant } from '@planshift/shared/periods';
import { currentPeriod } from '@planshift/shared/subscription';
import type { Seller } from '../records';
import type { RenewalRepository } from '../renewal-repository';
import { ANY_ACCOUNT, type PgContext, readSeller } from './pg-context';
import { writeEnding } from './pg-ending-rows';
import { writeRenewals } from './pg-renewal-rows';

type DueRow = Readonly<{ id: string; accountId: string; periodEnd: Instant }>;

/**
 * The next batch of due subscriptions after the cursor, in (period end, id) order, with their
 * ACCOUNTS' rows locked, skipping those another transaction holds (docs/decisions/020): another
 * instance's batch, or a customer's change in flight. Instances walking at once so take
 * different batches. SKIP LOCKED never waits, so this batch's locks, taken in walk order rather
 * than id order, cannot deadlock with a writer that waits for one of them.
 */
const DUE_BATCH = {
  name: 'renewals-due-batch',
  text: `select s.id, s.account_id as "accountId", s.current_period_end as "periodEnd"
         from subscriptions s join accounts a on a.id = s.account_id
         where s.current_period_end <= $1 and s.status in ('active', 'past_due')
           and (s.current_period_end, s.id) > ($2, $3)
         order by s.current_period_end, s.id limit $4
         for update of a skip locked`,
};
const SET_PERIOD_END = {
  name: 'renewals-set-period-end',
  text: 'update subscriptions set current_period_end = $1 where id = $2',
};

/**
 * The period-end run on PostgreSQL (SQLite's SqliteRenewals): one transaction per batch, as the
 * interface has it. The batch is claimed by its accounts' row locks rather than by a lease
 * column: all of its work (reading, the engine, writing) happens inside that transaction, with
 * no call outside, so the locks are the lease; a killed instance's transaction rolls back and
 * releases them at once, and the next run anywhere renews those subscriptions.
 */
export class PgRenewals implements RenewalRepository {
  constructor(private readonly ctx: PgContext) {}

  async renewDue({
    now,
    limit,
    cursor,
    renew,
  }: Parameters<RenewalRepository['renewDue']>[0]): ReturnType<RenewalRepository['renewDue']> {
    // ANY_ACCOUNT: the batch's query locks its own accounts.
    return this.ctx.write(ANY_ACCOUNT, async (tx) => {
      const { rows } = await tx.$client.query<DueRow>({
        ...DUE_BATCH,
        values: [now, cursor?.periodEnd ?? -1, cursor?.subscriptionId ?? '', limit],
      });
      // Read once something is due: a database with no subscriptions has no seller yet.
      let seller: Seller | null = null;
      let renewed = 0;
      let ended = 0;
      let invoices = 0;
      let skipped = 0;
      for (const { id: subscriptionId, accountId, periodEnd } of rows) {
        // Held by an order or a collection: renewed by a later pass, once that writer is done.
        if (!(await this.ctx.claims.isFree(tx, subscriptionId))) {
          skipped += 1;
          continue;
        }
        const state = await this.ctx.billingState.read(tx, accountId);
        if (!state) continue;
        const { renewals, ending } = renew(state);
        if (renewals.length === 0 && !ending) {
          // Not due after all, or not renewable: keep the true end, so the next walk does not come back to it early.
          const end = currentPeriod(state.subscription).end;
          if (end !== periodEnd) await tx.$client.query({ ...SET_PERIOD_END, values: [end, subscriptionId] });
          continue;
        }
        seller ??= await readSeller(tx);
        invoices += (await writeRenewals(this.ctx, tx, { state, renewals, at: now }, seller)).length;
        if (renewals.length > 0) renewed += 1;
        if (ending) {
          // After its renewals (if runs were missed), at the version they left it at.
          const version = state.version + (renewals.length > 0 ? 1 : 0);
          await writeEnding(this.ctx, tx, { state, ending, version, at: now });
          ended += 1;
        }
      }
      const last = rows.at(-1);
      return {
        renewed,
        ended,
        invoices,
        skipped,
        cursor: last && rows.length === limit ? { periodEnd: last.periodEnd, subscriptionId: last.id } : null,
      };
    });
  }
}
