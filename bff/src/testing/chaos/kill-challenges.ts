import { setTimeout as sleep } from 'node:timers/promises';
import type { ScenarioInput } from '../../scenarios/scenario-schema';
import { ChildBff, type HttpClient } from '../child-bff';
import { teamAccount, teamCatalog, teamPlan } from '../scenario-builders';
import type { Json } from '../test-system';
import { inFlightAtKill, tallyEnds } from './in-flight';
import { type KillOptions, phaseOf } from './kill-confirm';
import { count } from './kill-steps';
import { KillTally } from './kill-tally';
import { WORLD_CLOCK } from './kill-worlds';
import { randomMs } from './seeded-random';

const BUSINESS = { planId: 'business', interval: { unit: 'month', count: 1 }, quantity: 5, addOns: [] };
const ASKING_CARD = { number: '4000002500003155', expMonth: 12, expYear: 2030 };
/** Per kill: customers confirming an upgrade, and past-due customers paying their invoice, all with the asking card. */
const CONFIRMS_PER_KILL = 2;
const PAYS_PER_KILL = 1;
const TEAM = teamCatalog('team', [teamPlan('team', 1, { USD: 1200 }), teamPlan('business', 2, { USD: 2500 })]);

/** `confirms` customers on Team × 5 and `pays` past-due ones, every card asking its bank for authentication. */
function challengeWorld(confirms: number, pays: number): ScenarioInput {
  const confirming = Array.from({ length: confirms }, (_, i) => ({
    ...teamAccount(`sca-confirm-${i}`, 'team', 'team'),
    card: ASKING_CARD,
  }));
  const paying = Array.from({ length: pays }, (_, i) => {
    const account = teamAccount(`sca-pay-${i}`, 'team', 'team');
    return {
      ...account,
      card: ASKING_CARD,
      subscription: { ...account.subscription, status: 'past_due' as const, currentInvoiceUnpaid: true },
    };
  });
  return { clock: WORLD_CLOCK, catalogs: [TEAM], accounts: [...confirming, ...paying] };
}

const ownerOf = (id: string) => `owner@${id}.example`;
const invoiceOf = (id: string) => `sub-${id}-0`;

/** The customer answers their bank's challenge (Approve). */
async function approve(client: HttpClient, challenge: Json) {
  return client.json<Json>('POST', `/api/payment-challenges/${challenge.id}/approve`, {});
}

/** A confirm as the portal makes it: the order, then (when the bank asks) the customer's approval. */
async function confirmAndApprove(client: HttpClient, quoteId: string, key: string) {
  const confirmed = await client.json<Json>('POST', '/api/changes', { quoteId }, { 'idempotency-key': key });
  if (confirmed.status === 202) await approve(client, confirmed.body.challenge);
  return confirmed;
}

async function payAndApprove(client: HttpClient, invoiceId: string) {
  const paid = await client.json<Json>('POST', `/api/invoices/${invoiceId}/pay`, {});
  if (paid.status === 202) await approve(client, paid.body.challenge);
  return paid;
}

/**
 * The BFF SIGKILLed while customers whose bank asks for authentication confirm upgrades and pay
 * invoices: the kill lands before an order is claimed, while it waits for the bank, between the
 * bank's approval (the processor captured) and its record, or after. The BFF restarts; each
 * customer asks again with the same Idempotency-Key (or pays again) and approves what still
 * waits. Each order is applied once with one charge, each invoice paid once; nothing is captured
 * without its record, and every subscription is let go.
 */
export async function killDuringChallenges({ dir, kills, random, latencyMs }: KillOptions): Promise<KillTally> {
  const tally = new KillTally('bank challenges (confirm, pay)');
  const bff = await ChildBff.start(dir, { PAYMENTS_LATENCY_MS: String(latencyMs) });
  try {
    await bff.resetTo(challengeWorld(kills * CONFIRMS_PER_KILL, kills * PAYS_PER_KILL));
    // A confirm is charged (latency), then approved (latency again), then recorded.
    const window = 2 * latencyMs + 300;
    for (let k = 0; k < kills; k++) {
      const confirms = await Promise.all(
        Array.from({ length: CONFIRMS_PER_KILL }, async (_, j) => {
          const accountId = `sca-confirm-${k * CONFIRMS_PER_KILL + j}`;
          const client = await bff.signIn(ownerOf(accountId));
          const quoted = await client.json<Json>('POST', '/api/quotes', BUSINESS);
          if (quoted.status !== 201) throw new Error(`quote answered ${quoted.status} ${JSON.stringify(quoted.body)}`);
          return { accountId, client, quoteId: quoted.body.id as string, key: `sca-kill-${k}-${j}` };
        }),
      );
      const pays = await Promise.all(
        Array.from({ length: PAYS_PER_KILL }, async (_, j) => {
          const accountId = `sca-pay-${k * PAYS_PER_KILL + j}`;
          return { accountId, client: await bff.signIn(ownerOf(accountId)) };
        }),
      );
      const working = [
        ...confirms.map(async ({ client, quoteId, key }) => {
          await sleep(randomMs(random, window / 2));
          return confirmAndApprove(client, quoteId, key).catch(() => null);
        }),
        ...pays.map(async ({ accountId, client }) => {
          await sleep(randomMs(random, window / 2));
          return payAndApprove(client, invoiceOf(accountId)).catch(() => null);
        }),
      ];
      await sleep(randomMs(random, window));
      await bff.kill();
      await Promise.all(working);

      tally.killed(
        ...(await Promise.all(confirms.map(({ accountId, key }) => phaseOf(bff, accountId, key)))),
        ...(await Promise.all(pays.map(({ accountId }) => payPhase(bff, accountId)))),
      );
      const inFlight = (await inFlightAtKill(bff)).filter((work) => work.kind === 'order');
      await bff.restart();

      // Each customer goes on: the same request again, and an answer to whatever bank still asks.
      for (const { accountId, quoteId, key } of confirms) {
        const client = await bff.signIn(ownerOf(accountId));
        const again = await confirmAndApprove(client, quoteId, key);
        const final = again.status === 202 ? await confirmAndApprove(client, quoteId, key) : again;
        if (final.status !== 201) tally.problem(`${accountId}: the retry answered ${final.status} ${final.body?.code}`);
      }
      for (const { accountId } of pays) {
        const client = await bff.signIn(ownerOf(accountId));
        const again = await payAndApprove(client, invoiceOf(accountId));
        if (![200, 202, 409].includes(again.status))
          tally.problem(`${accountId}: paying again answered ${again.status}`);
        const paid = await count(
          bff,
          `select count(*) from payments where invoice_id = ? and status = 'succeeded'`,
          invoiceOf(accountId),
        );
        if (paid !== 1) tally.problem(`${accountId}: its invoice has ${paid} payments`);
      }
      await tallyEnds(tally, bff, inFlight);
      await tally.audit(bff, `kill ${k + 1}`);
    }
    const customers = kills * CONFIRMS_PER_KILL;
    const appliedOnce = await count(
      bff,
      `select count(*) from accounts a where a.id like 'sca-confirm-%' and (select count(*) from orders o
         where o.account_id = a.id and o.status = 'succeeded') = 1`,
    );
    if (appliedOnce !== customers) tally.problem(`${appliedOnce} of ${customers} customers have one applied order`);
    const held = await count(bff, 'select count(*) from subscription_claims');
    if (held !== 0) tally.problem(`${held} subscriptions still held`);
    return tally.done(
      `${appliedOnce} of ${customers} upgrades applied once and ${kills * PAYS_PER_KILL} invoices paid once, each approved at the bank`,
    );
  } finally {
    await bff.kill();
  }
}

async function payPhase(bff: ChildBff, accountId: string): Promise<string> {
  const challenge = await bff.read((sql) =>
    sql.value<string>(`select status from payment_challenges where invoice_id = ?`, invoiceOf(accountId)),
  );
  if (!challenge) return 'pay: before its challenge';
  return challenge === 'open' ? 'pay: waiting for the bank' : 'pay: recorded';
}
