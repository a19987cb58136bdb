// The operator's command for changes that need a person to provision them:
//   npm run provisioning -- list [--scenario <id>]
//   npm run provisioning -- complete <changeId> [--operator <name>] [--scenario <id>]
// It works on the database file the BFF uses (DATABASE_FILE), or a scenario's (the demo's is
// `--scenario demo`), beside a running BFF: SQLite's WAL lets both write, and the subscription's
// version tells the BFF its cached state is stale.
import { parseArgs } from 'node:util';
import { completeWhenFree } from '../billing/complete-provisioning';
import { SCENARIO_OPTION, withOperatorStore } from './operator-store';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { operator: { type: 'string', default: process.env.USER ?? 'operator' }, ...SCENARIO_OPTION },
});
const [command, changeId] = positionals;
await withOperatorStore(values.scenario, async (store, clock) => {
  if (command === 'list') {
    const tasks = await store.provisioning.pending();
    if (tasks.length === 0) console.log('Nothing waits for provisioning.');
    for (const task of tasks) {
      const what = task.appliedNow.map((c) => JSON.stringify(c)).join('; ');
      console.log(
        `${task.changeId}  ${task.accountName} (${task.accountId})  since ${new Date(task.confirmedAt * 1000).toISOString()}  ${what}`,
      );
    }
  } else if (command === 'complete' && changeId) {
    const outcome = await completeWhenFree(
      () => store.provisioning.complete({ changeId, operator: values.operator, at: clock.now() }),
      () => console.log('The subscription is being changed right now; waiting for that to finish…'),
    );
    if (outcome === 'busy') {
      console.error(`Change ${changeId}: its subscription is still being changed; try again in a minute.`);
      process.exitCode = 1;
    } else if (outcome === 'not_pending') {
      console.error(`Change ${changeId} has no provisioning pending.`);
      process.exitCode = 1;
    } else {
      console.log(`Provisioned ${changeId}: the new limits are active and the customer is e-mailed.`);
    }
  } else {
    console.error('usage: provisioning list | provisioning complete <changeId> [--operator <name>]  [--scenario <id>]');
    process.exitCode = 2;
  }
});
