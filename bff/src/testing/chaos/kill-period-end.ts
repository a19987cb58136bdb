import { setTimeout as sleep } from 'node:timers/promises';
import { ChildBff, until } from '../child-bff';
import { type InFlightWork, inFlightAtKill, tallyEnds } from './in-flight';
import { count, moveClock, runStage } from './kill-steps';
import { KillTally } from './kill-tally';
import { renewalWorld } from './kill-worlds';
import { randomMs } from './seeded-random';

export type PeriodEndKillOptions = Readonly<{
  dir: string;
  kills: number;
  random: () => number;
  latencyMs: number;
  subscriptions: number;
}>;

/** A kill during the run a clock move sets off, then one during the restarted BFF's start-up pass. */
const KILLS_PER_PERIOD = 2;
const DECLINING_EVERY = 20;

/** The first of the month `n` months after June 2026, when every subscription's period ends. */
const periodEnd = (n: number) => Date.UTC(2026, 5 + n, 1) / 1000;

/**
 * Thousands of subscriptions reach their period end at once; the BFF is SIGKILLed at random
 * moments of the run (renewing, or collecting what it billed), restarted (its start-up pass
 * renews and collects the rest, and may be killed too), and the clock move is retried. Every
 * subscription is renewed exactly once per period, every invoice's attempt recorded once, the
 * numbering has no gaps.
 */
export async function killDuringPeriodEndRuns(options: PeriodEndKillOptions): Promise<KillTally> {
  const { dir, kills, random, latencyMs, subscriptions } = options;
  const tally = new KillTally(`period-end run, ${subscriptions} subscriptions`);
  const bff = await ChildBff.start(dir, { PAYMENTS_LATENCY_MS: String(latencyMs) });
  try {
    await bff.resetTo(renewalWorld(subscriptions, DECLINING_EVERY));
    // The first period end runs unharmed: how long a whole run takes is the window kills are drawn in.
    const calibrating = performance.now();
    await expectMoved(bff, periodEnd(1));
    const window = performance.now() - calibrating;
    await checkPeriod(bff, tally, 1, subscriptions);

    let period = 1;
    while (tally.kills < kills) {
      period += 1;
      const at = periodEnd(period) + 30;
      const moving = moveClock(bff, at).catch(() => null);
      const inFlight: InFlightWork[] = [];
      for (let j = 0; j < KILLS_PER_PERIOD && tally.kills < kills; j++) {
        // The start-up pass has only what the killed run left: the window shrinks with it.
        const left = j === 0 ? 1 : (await workLeft(bff, at)) / (2 * subscriptions);
        await sleep(randomMs(random, window * left));
        await bff.kill();
        tally.killed(await runStage(bff, at));
        inFlight.push(...(await inFlightAtKill(bff)));
        await bff.restart();
      }
      await moving;
      // The client's retry: the same move again, whose run renews and collects whatever is left.
      await expectMoved(bff, at);
      await until(
        async () => (await runStage(bff, at)) === 'after the run',
        120_000,
        `period ${period} renewed and collected`,
      );
      await tallyEnds(tally, bff, inFlight);
      await checkPeriod(bff, tally, period, subscriptions);
      await tally.audit(bff, `period ${period}`);
    }
    return tally.done(`${subscriptions} subscriptions × ${period} period ends: each renewed and billed once`);
  } finally {
    await bff.kill();
  }
}

/** Periods to renew and invoices to collect. */
async function workLeft(bff: ChildBff, at: number): Promise<number> {
  return (
    (await count(
      bff,
      `select count(*) from subscriptions where current_period_end <= ? and status in ('active', 'past_due')`,
      at,
    )) + (await count(bff, 'select count(*) from collections where paid_at is null and next_attempt_at <= ?', at))
  );
}

async function expectMoved(bff: ChildBff, at: number): Promise<void> {
  const status = await moveClock(bff, at);
  if (status !== 200) throw new Error(`moving the clock answered ${status}`);
}

/** Each subscription renewed once per period so far, and this period's invoices each tried once. */
async function checkPeriod(bff: ChildBff, tally: KillTally, period: number, subscriptions: number): Promise<void> {
  const wrong = await count(
    bff,
    `select count(*) from subscriptions s where (select count(*) from documents d
       where d.subscription_id = s.id and d.reason = 'renewal') != ?`,
    period + 1,
  );
  if (wrong > 0) tally.problem(`period ${period}: ${wrong} subscriptions not renewed exactly once per period`);
  const start = periodEnd(period);
  const untried = await count(
    bff,
    `select count(*) from documents d where d.reason = 'renewal' and d.issued_at = ? and d.amount_due > 0
       and not exists (select 1 from payments p where p.payment_attempt_id = 'pa_inv_' || d.id || '_1')`,
    start,
  );
  if (untried > 0) tally.problem(`period ${period}: ${untried} renewal invoices never charged`);
  const paid = await count(
    bff,
    `select count(*) from documents d join payments p on p.invoice_id = d.id and p.status = 'succeeded'
      where d.reason = 'renewal' and d.issued_at = ?`,
    start,
  );
  const good = subscriptions - Math.ceil(subscriptions / DECLINING_EVERY);
  if (paid !== good) tally.problem(`period ${period}: ${paid} renewal invoices paid, expected ${good}`);
}
