import { setTimeout as sleep } from 'node:timers/promises';
import { ChildBff, type HttpClient } from '../child-bff';
import type { Json } from '../test-system';
import { inFlightAtKill, tallyEnds } from './in-flight';
import { count } from './kill-steps';
import { KillTally } from './kill-tally';
import { confirmWorld, ownerOf } from './kill-worlds';
import { randomMs } from './seeded-random';

export type KillOptions = Readonly<{ dir: string; kills: number; random: () => number; latencyMs: number }>;

const BUSINESS = { planId: 'business', interval: { unit: 'month', count: 1 }, quantity: 5, addOns: [] };
/** Confirms in flight at each kill, each its own customer, started at their own random moments. */
const CONFIRMS_PER_KILL = 3;

/**
 * The BFF SIGKILLed while customers confirm upgrades: each confirm starts at a random moment and
 * the kill comes at another, so that it lands before a claim, between a claim and its charge,
 * between a charge and its record, or after. The BFF restarts (its recovery finishes what the
 * killed boot left) and every customer retries with the same Idempotency-Key: each order is
 * charged at most once, and ends applied or refunded.
 */
export async function killDuringConfirms({ dir, kills, random, latencyMs }: KillOptions): Promise<KillTally> {
  const tally = new KillTally('confirm');
  const bff = await ChildBff.start(dir, { PAYMENTS_LATENCY_MS: String(latencyMs) });
  try {
    await bff.resetTo(confirmWorld(kills * CONFIRMS_PER_KILL));
    const window = latencyMs + 200;
    for (let k = 0; k < kills; k++) {
      const intents = await Promise.all(
        Array.from({ length: CONFIRMS_PER_KILL }, async (_, j) => {
          const accountId = `confirm-${k * CONFIRMS_PER_KILL + j}`;
          const client = await bff.signIn(ownerOf(accountId));
          return { accountId, client, quoteId: await quoteFor(client), key: `kill-${k}-${j}` };
        }),
      );
      const confirms = intents.map(async ({ client, quoteId, key }) => {
        await sleep(randomMs(random, window / 2));
        return confirm(client, quoteId, key).catch(() => null);
      });
      await sleep(randomMs(random, window));
      await bff.kill();
      await Promise.all(confirms);

      tally.killed(...(await Promise.all(intents.map(({ accountId, key }) => phaseOf(bff, accountId, key)))));
      const inFlight = await inFlightAtKill(bff);
      await bff.restart();
      await tallyEnds(tally, bff, inFlight);

      // Each customer retries with the same key (signed in again: sessions do not outlive a restart's secret).
      for (const { accountId, quoteId, key } of intents) {
        const retried = await confirm(await bff.signIn(ownerOf(accountId)), quoteId, key);
        if (retried.status !== 201) {
          tally.problem(`${accountId}: the retry answered ${retried.status} ${retried.body?.code}`);
        }
      }
      await tally.audit(bff, `kill ${k + 1}`);
    }
    const customers = kills * CONFIRMS_PER_KILL;
    const appliedOnce = await count(
      bff,
      `select count(*) from accounts a where (select count(*) from orders o
         where o.account_id = a.id and o.status = 'succeeded') = 1`,
    );
    if (appliedOnce !== customers) tally.problem(`${appliedOnce} of ${customers} customers have one applied order`);
    return tally.done(`${appliedOnce} of ${customers} upgrades applied once, each charged once`);
  } finally {
    await bff.kill();
  }
}

async function quoteFor(client: HttpClient): Promise<string> {
  const quoted = await client.json<Json>('POST', '/api/quotes', BUSINESS);
  if (quoted.status !== 201) throw new Error(`quote answered ${quoted.status} ${JSON.stringify(quoted.body)}`);
  return quoted.body.id;
}

const confirm = (client: HttpClient, quoteId: string, key: string) =>
  client.json<Json>('POST', '/api/changes', { quoteId }, { 'idempotency-key': key });

/** Where the kill caught one customer's confirm, read from the files of the killed BFF. */
export async function phaseOf(bff: ChildBff, accountId: string, key: string): Promise<string> {
  const order = await bff.read((sql) =>
    sql.one<{ status: string; attempt: string }>(
      'select status, payment_attempt_id as attempt from orders where account_id = ? and idempotency_key = ?',
      accountId,
      key,
    ),
  );
  if (!order) return 'before the claim';
  if (order.status !== 'pending') return 'recorded';
  const attempt = (await (await bff.processor()).charges()).find((c) => c.paymentAttemptId === order.attempt);
  if (!attempt) return 'claimed, not charged';
  return attempt.status === 'requires_action' ? 'waiting for the bank' : 'charged, not recorded';
}
