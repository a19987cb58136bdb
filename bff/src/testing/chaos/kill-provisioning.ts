import { setTimeout as sleep } from 'node:timers/promises';
import { ChildBff, type HttpClient } from '../child-bff';
import type { Json } from '../test-system';
import { inFlightAtKill, tallyEnds } from './in-flight';
import { KillTally } from './kill-tally';
import { ownerOf, provisioningWorld } from './kill-worlds';
import { randomMs } from './seeded-random';

export type ProvisioningKillOptions = Readonly<{ dir: string; kills: number; random: () => number; latencyMs: number }>;

const MONTHLY = { unit: 'month', count: 1 };
const PLUS = { planId: 'hosting-plus', interval: MONTHLY, quantity: 1, addOns: [] };
const PLUS_WITH_IP = { ...PLUS, addOns: [{ addOnId: 'dedicated-ip', quantity: 1 }] };
const WAITING = 'waiting for that to finish';

/**
 * An operator completes a customer's Plus Hosting while the customer confirms a Dedicated IP. The
 * BFF is SIGKILLed at a random moment of that confirm, so that its order may hold the
 * subscription with nobody left to finish it; the operator's command, started then, waits for it,
 * and is itself SIGKILLed at a random moment (starting, waiting, or done). The BFF restarts (its
 * recovery ends the order and frees the subscription), the operator runs the command again and
 * the customer retries: the provisioning is completed exactly once, the order charged at most
 * once and ended applied or refunded. Two kills a customer.
 */
export async function killDuringProvisioning({
  dir,
  kills,
  random,
  latencyMs,
}: ProvisioningKillOptions): Promise<KillTally> {
  const tally = new KillTally('provisioning completion');
  const customers = Math.ceil(kills / 2);
  const bff = await ChildBff.start(dir, { PAYMENTS_LATENCY_MS: String(latencyMs) });
  try {
    await bff.resetTo(provisioningWorld(customers));
    // The command's own start-up is most of its life: the window its kill is drawn in.
    const calibrating = performance.now();
    await bff.provisioning('list');
    const commandWindow = (performance.now() - calibrating) * 1.5;

    for (let i = 0; i < customers; i++) {
      const id = `host-${i}`;
      const customer = await bff.signIn(ownerOf(id));
      const plus = await confirm(customer, await quote(customer, PLUS), `plus-hosting-${i}`);
      if (plus.status !== 201) throw new Error(`Plus Hosting answered ${plus.status}`);
      const changeId = plus.body.changeId as string;
      const quoteId = await quote(customer, PLUS_WITH_IP);

      const confirming = confirm(customer, quoteId, `dedicated-ip-${i}`).catch(() => null);
      await sleep(randomMs(random, latencyMs + 200));
      await bff.kill();
      await confirming;
      const inFlight = await inFlightAtKill(bff);
      const command = bff.startProvisioning('complete', changeId, '--operator', 'chaos');
      await sleep(randomMs(random, commandWindow));
      const killed = await command.kill();
      tally.killed(inFlight.length > 0 ? 'BFF: an order holding the subscription' : 'BFF: no order holding it');
      tally.killed(commandStage(killed));

      await bff.restart();
      await tallyEnds(tally, bff, inFlight);
      // Killed after its commit but before it printed, the command may have completed it already:
      // the audit trail says, then running it again finds nothing pending.
      const completedBefore = (await completionsOf(bff, changeId)) > 0;
      const again = await bff.provisioning('complete', changeId, '--operator', 'chaos');
      if (again.code !== (completedBefore ? 1 : 0)) {
        tally.problem(`${id}: the command run again exited ${again.code}: ${again.output.trim()}`);
      }
      const retried = await confirm(await bff.signIn(ownerOf(id)), quoteId, `dedicated-ip-${i}`);
      const answered = `${retried.status}${retried.status === 201 ? '' : ` ${retried.body?.code}`}`;
      if (!['201', '409 quote_stale', '409 change_not_applied'].includes(answered)) {
        tally.problem(`${id}: the retry answered ${answered}`);
      }
      const completions = await completionsOf(bff, changeId);
      if (completions !== 1) tally.problem(`${id}: Plus Hosting provisioned ${completions} times`);
      await tally.audit(bff, id);
    }
    return tally.done(`${customers} customers: Plus Hosting provisioned once each`);
  } finally {
    await bff.kill();
  }
}

async function quote(client: HttpClient, request: Json): Promise<string> {
  const quoted = await client.json<Json>('POST', '/api/quotes', request);
  if (quoted.status !== 201) throw new Error(`quote answered ${quoted.status}`);
  return quoted.body.id;
}

const confirm = (client: HttpClient, quoteId: string, key: string) =>
  client.json<Json>('POST', '/api/changes', { quoteId }, { 'idempotency-key': key });

/** Where the kill caught the operator's command, from what it printed and how it ended. */
function commandStage({ code, output }: { code: number | null; output: string }): string {
  if (code !== null) return 'command: done';
  return output.includes(WAITING) ? 'command: waiting' : 'command: starting';
}

/** How many completions of the change's provisioning the audit trail recorded (JSON read here, the same on every database). */
async function completionsOf(bff: ChildBff, changeId: string): Promise<number> {
  const rows = await bff.read((sql) =>
    sql.all<{ data: unknown }>(`select data from audit_events where action = 'subscription.provisioning_completed'`),
  );
  const audits = rows.map(
    (row) => (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as { changeId?: unknown },
  );
  return audits.filter((data) => data.changeId === changeId).length;
}
