// The operator's list of what customers asked sales ("Contact sales"), newest first:
//   npm run sales -- list [--limit <n>] [--scenario <id>]
// Each request was also e-mailed to the sales address (SALES_EMAIL) through the outbox; this
// list is where to look when an e-mail went astray. It reads the BFF's database (DATABASE_FILE),
// or a scenario's (the demo's is `--scenario demo`).
import { parseArgs } from 'node:util';
import { SCENARIO_OPTION, withOperatorStore } from './operator-store';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string', default: '50' }, ...SCENARIO_OPTION },
});
const [command] = positionals;
const limit = Number(values.limit);

await withOperatorStore(values.scenario, async (store) => {
  if (command !== 'list' || !Number.isInteger(limit) || limit < 1) {
    console.error('usage: sales list [--limit <n>] [--scenario <id>]');
    process.exitCode = 2;
    return;
  }
  const requests = await store.salesRequests.latest(limit);
  if (requests.length === 0) console.log('No customer has asked sales yet.');
  for (const r of requests) {
    const sent = new Date(r.createdAt * 1000).toISOString();
    console.log(
      `${r.id}  ${sent}  ${r.accountName} (${r.accountId})  wants ${r.planName} × ${r.seats}, has ${r.currentPlanName} × ${r.currentSeats}`,
    );
    console.log(`    ${r.contactName} <${r.contactEmail}>, e-mailed to ${r.sentTo}`);
    if (r.message) console.log(`    “${r.message.replace(/\s+/g, ' ')}”`);
  }
});
