import type { Instant } from '@planshift/shared/periods';
import { currentPeriod } from '@planshift/shared/subscription';
import type { Seller } from '../records';
import type { RenewalRepository } from '../renewal-repository';
import type { Conn } from './connection';
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
/**
 * The due subscriptions in the batch's stretch of the walk that it did not get: their accounts
 * were locked by another transaction when it looked (SKIP LOCKED). `$5` (the batch's last row)
 * bounds the stretch when the batch was full; a short batch's stretch runs to the end.
 */
const LOCKED_OUT = {
  name: 'renewals-locked-out',
  text: `select s.id, s.account_id as "accountId", s.current_period_end as "periodEnd"
         from subscriptions s
         where s.current_period_end <= $1 and s.status in ('active', 'past_due')
           and (s.current_period_end, s.id) > ($2, $3)
           and ($5::bigint is null or (s.current_period_end, s.id) <= ($5, $6))
           and s.id <> all($7::text[])
         order by s.current_period_end, s.id limit $4`,
};
/** One subscription, if still due, once its account's lock is held. */
const STILL_DUE = {
  name: 'renewals-still-due',
  text: `select s.id, s.account_id as "accountId", s.current_period_end as "periodEnd" from subscriptions s
         where s.id = $1 and s.current_period_end <= $2 and s.status in ('active', 'past_due')`,
};
const SET_PERIOD_END = {
  name: 'renewals-set-period-end',
  text: 'update subscriptions set current_period_end = $1 where id = $2',
};

type Input = Parameters<RenewalRepository['renewDue']>[0];
type Counts = { renewed: number; ended: number; invoices: number; skipped: number };

/**
 * The period-end run on PostgreSQL (SQLite's SqliteRenewals): one transaction per batch, as the
 * interface has it. The batch is claimed by its accounts' row locks rather than by a lease
 * column: all of its work (reading, the engine, writing) happens inside that transaction, with
 * no call outside, so the locks are the lease; a killed instance's transaction rolls back and
 * releases them at once, and the next run anywhere renews those subscriptions.
 *
 * SKIP LOCKED also passes over accounts that any other write holds for a moment (a PDF being
 * stored, a card added, a customer's change being recorded): on SQLite the run would have waited
 * for that writer, and a run must renew everything due by `now` that no claim holds (a clock
 * move answers what it renewed). So, after its batch, the run takes each due subscription of
 * its stretch that it did not get, one at a time, waiting for its account's lock: once that
 * writer (or another instance's batch) commits, it renews what is still due.
 */
export class PgRenewals implements RenewalRepository {
  constructor(private readonly ctx: PgContext) {}

  async renewDue(input: Input): ReturnType<RenewalRepository['renewDue']> {
    const { now, limit, cursor } = input;
    const counts: Counts = { renewed: 0, ended: 0, invoices: 0, skipped: 0 };
    // ANY_ACCOUNT: the batch's query locks its own accounts.
    const { rows, lockedOut } = await this.ctx.write(ANY_ACCOUNT, async (tx) => {
      const { rows } = await tx.$client.query<DueRow>({
        ...DUE_BATCH,
        values: [now, cursor?.periodEnd ?? -1, cursor?.subscriptionId ?? '', limit],
      });
      // Read once something is due: a database with no subscriptions has no seller yet.
      const seller = lazySeller(tx);
      for (const row of rows) await this.#renewOne(tx, row, input, seller, counts);
      const last = rows.length === limit ? rows.at(-1) : undefined;
      const missed = await tx.$client.query<DueRow>({
        ...LOCKED_OUT,
        values: [
          now,
          cursor?.periodEnd ?? -1,
          cursor?.subscriptionId ?? '',
          limit,
          last?.periodEnd ?? null,
          last?.id ?? null,
          rows.map((row) => row.id),
        ],
      });
      return { rows, lockedOut: missed.rows };
    });
    for (const { id, accountId } of lockedOut) {
      await this.ctx.write([accountId], async (tx) => {
        const { rows: still } = await tx.$client.query<DueRow>({ ...STILL_DUE, values: [id, now] });
        for (const row of still) await this.#renewOne(tx, row, input, lazySeller(tx), counts);
      });
    }
    const last = rows.at(-1);
    return {
      ...counts,
      cursor: last && rows.length === limit ? { periodEnd: last.periodEnd, subscriptionId: last.id } : null,
    };
  }

  /** Renews (or ends) one due subscription whose account's lock `tx` holds. */
  async #renewOne(
    tx: Conn,
    { id: subscriptionId, accountId, periodEnd }: DueRow,
    { now, renew }: Input,
    seller: () => Promise<Seller>,
    counts: Counts,
  ): Promise<void> {
    // Held by an order or a collection: renewed by a later pass, once that writer is done.
    if (!(await this.ctx.claims.isFree(tx, subscriptionId))) {
      counts.skipped += 1;
      return;
    }
    const state = await this.ctx.billingState.read(tx.$client, accountId, (catalogId) =>
      this.ctx.catalogs.get(tx, catalogId),
    );
    if (!state) return;
    const { renewals, ending } = renew(state);
    if (renewals.length === 0 && !ending) {
      // Not due after all, or not renewable: keep the true end, so the next walk does not come back to it early.
      const end = currentPeriod(state.subscription).end;
      if (end !== periodEnd) await tx.$client.query({ ...SET_PERIOD_END, values: [end, subscriptionId] });
      return;
    }
    counts.invoices += (await writeRenewals(this.ctx, tx, { state, renewals, at: now }, await seller())).length;
    if (renewals.length > 0) counts.renewed += 1;
    if (ending) {
      // After its renewals (if runs were missed), at the version they left it at.
      const version = state.version + (renewals.length > 0 ? 1 : 0);
      await writeEnding(this.ctx, tx, { state, ending, version, at: now });
      counts.ended += 1;
    }
  }
}

/** The seller, read once by the first renewal that needs it. */
function lazySeller(tx: Conn): () => Promise<Seller> {
  let seller: Promise<Seller> | undefined;
  return () => {
    seller ??= readSeller(tx);
    return seller;
  };
}
