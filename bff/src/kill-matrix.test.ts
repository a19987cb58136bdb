import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killDuringChallenges } from './testing/chaos/kill-challenges';
import { killDuringCollectionPasses } from './testing/chaos/kill-collection';
import { killDuringConfirms } from './testing/chaos/kill-confirm';
import { killDuringPeriodEndRuns } from './testing/chaos/kill-period-end';
import { killDuringProvisioning } from './testing/chaos/kill-provisioning';
import { type KillTally, killTable } from './testing/chaos/kill-tally';
import { seededRandom } from './testing/chaos/seeded-random';

// A sample of the kill matrix (npm run test:chaos kills more than 100 times): the real BFF as a
// child process, SIGKILLed at random moments of the work that moves money, restarted, retried.
// One kill per kind of work, on worlds just big enough for a kill to land mid-run, so that the
// file stays well under a minute in `npm test` on either database (TEST_DATABASE=postgres: the
// BFF on a PostgreSQL database of its own); the seed draws other moments at every run.
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
const random = seededRandom(SEED);

let dir: string | undefined;
const fresh = () => {
  dir = mkdtempSync(join(tmpdir(), 'planshift-kill-'));
  return dir;
};
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function expectNothingLost(tally: KillTally, kills: number) {
  expect(tally.problems, killTable([tally])).toEqual([]);
  expect(tally.kills).toBe(kills);
  expect({ lost: tally.lost, duplicated: tally.duplicated }).toEqual({ lost: 0, duplicated: 0 });
}

// A safety net, not a budget: each test waits for conditions; a busy machine only makes it slower.
const KILL_TEST_TIMEOUT_MS = 600_000;

describe(`the BFF killed at random moments, restarted and retried (seed ${SEED})`, () => {
  it(
    'during confirms: each order charged at most once, ended applied or refunded',
    async () => {
      expectNothingLost(await killDuringConfirms({ dir: fresh(), kills: 1, random, latencyMs: 300 }), 1);
    },
    KILL_TEST_TIMEOUT_MS,
  );

  it(
    'during a period-end run: each subscription renewed and billed once, numbering without gaps',
    async () => {
      const tally = await killDuringPeriodEndRuns({
        dir: fresh(),
        kills: 1,
        random,
        latencyMs: 200,
        subscriptions: 60,
      });
      expectNothingLost(tally, 1);
    },
    KILL_TEST_TIMEOUT_MS,
  );

  it(
    'during a collection pass: each invoice collected once',
    async () => {
      const tally = await killDuringCollectionPasses({
        dir: fresh(),
        kills: 1,
        random,
        latencyMs: 300,
        invoices: 200,
      });
      expectNothingLost(tally, 1);
    },
    KILL_TEST_TIMEOUT_MS,
  );

  it(
    'while customers’ banks ask them to authenticate: each order applied once, each invoice paid once',
    async () => {
      expectNothingLost(await killDuringChallenges({ dir: fresh(), kills: 1, random, latencyMs: 300 }), 1);
    },
    KILL_TEST_TIMEOUT_MS,
  );

  it(
    'during provisioning completion, the BFF and the operator’s command: provisioned once',
    async () => {
      expectNothingLost(await killDuringProvisioning({ dir: fresh(), kills: 2, random, latencyMs: 300 }), 2);
    },
    KILL_TEST_TIMEOUT_MS,
  );
});
