import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ChildBff, until } from '../child-bff';
import { type InFlightWork, inFlightAtKill, tallyEnds } from './in-flight';
import { count, moveClock, runStage } from './kill-steps';
import { KillTally } from './kill-tally';
import { COLLECTION_RETRY_AT, collectionWorld } from './kill-worlds';
import { randomMs } from './seeded-random';

export type CollectionKillOptions = Readonly<{
  dir: string;
  kills: number;
  random: () => number;
  latencyMs: number;
  invoices: number;
}>;

const DECLINING_EVERY = 10;
/** Kills into one world's pass (each restart's start-up pass goes on with what is left), at most. */
const KILLS_PER_WORLD = 5;
/** Charges a pass sends to the processor at once (BATCH in billing-run.ts). */
const BATCH = 500;

/**
 * Many past-due invoices fall due for their retry at once, with a slow processor; the BFF is
 * SIGKILLed at random moments of the collection pass, restarted (its start-up pass collects the
 * rest, and is killed again while work is left), and the clock move retried. Every invoice is
 * collected exactly once (a declined card's attempt recorded once); a new world each time the
 * invoices run out.
 */
export async function killDuringCollectionPasses(options: CollectionKillOptions): Promise<KillTally> {
  const { dir, kills, random, latencyMs, invoices } = options;
  const tally = new KillTally(`collection pass, ${invoices} invoices`);
  const at = Date.parse(COLLECTION_RETRY_AT) / 1000;
  // A pass sends its charges in batches, each answered after the processor's latency.
  const window = Math.ceil(invoices / BATCH) * (latencyMs + 250);
  let worlds = 0;
  while (tally.kills < kills) {
    worlds += 1;
    const bff = await ChildBff.start(join(dir, `world-${worlds}`), { PAYMENTS_LATENCY_MS: String(latencyMs) });
    try {
      await bff.resetTo(collectionWorld(invoices, DECLINING_EVERY));
      const moving = moveClock(bff, at).catch(() => null);
      const inFlight: InFlightWork[] = [];
      for (let j = 0; j < KILLS_PER_WORLD && tally.kills < kills; j++) {
        const left = j === 0 ? invoices : await count(bff, dueSql, at);
        if (left === 0) break;
        await sleep(randomMs(random, (window * left) / invoices));
        await bff.kill();
        tally.killed(await runStage(bff, at));
        inFlight.push(...(await inFlightAtKill(bff)));
        await bff.restart();
      }
      await moving;
      const retried = await moveClock(bff, at);
      if (retried !== 200) tally.problem(`world ${worlds}: the retried clock move answered ${retried}`);
      await until(async () => (await runStage(bff, at)) === 'after the run', 120_000, `world ${worlds} collected`);
      await tallyEnds(tally, bff, inFlight);
      await checkWorld(bff, tally, worlds, invoices);
      await tally.audit(bff, `world ${worlds}`);
    } finally {
      await bff.kill();
    }
  }
  return tally.done(`${worlds} worlds × ${invoices} invoices: each collected once, each declined card tried once`);
}

const dueSql = 'select count(*) from collections where paid_at is null and next_attempt_at <= ?';

async function checkWorld(bff: ChildBff, tally: KillTally, world: number, invoices: number): Promise<void> {
  const declining = Math.ceil(invoices / DECLINING_EVERY);
  const paid = await count(bff, `select count(*) from payments where status = 'succeeded' and invoice_id is not null`);
  if (paid !== invoices - declining)
    tally.problem(`world ${world}: ${paid} invoices paid, expected ${invoices - declining}`);
  const tried = await count(
    bff,
    `select count(*) from payments where status = 'failed' and payment_attempt_id like 'pa_inv_%'`,
  );
  if (tried !== declining) tally.problem(`world ${world}: ${tried} declined retries recorded, expected ${declining}`);
  const active = await count(bff, `select count(*) from subscriptions where status = 'active'`);
  if (active !== invoices - declining) tally.problem(`world ${world}: ${active} subscriptions active again`);
}
