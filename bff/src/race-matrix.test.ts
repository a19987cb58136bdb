import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHALLENGE_RACE_PAIRS } from './testing/chaos/challenge-race-pairs';
import { raceTable, runRacePair } from './testing/chaos/race-matrix';
import { RACE_PAIRS } from './testing/chaos/race-pairs';
import { seededRandom } from './testing/chaos/seeded-random';
import { startTestSystem, type TestSystem } from './testing/test-system';

// A sample of the race matrix (npm run test:chaos runs 50 per pair): every writer of one
// subscription against a confirm, and against a payment waiting for the customer's bank, in
// process, with random processor delays and start offsets.
const RUNS = Number(process.env.RACE_RUNS ?? 3);
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
const random = seededRandom(SEED);

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.dispose());

describe(`two writers of one subscription at once (seed ${SEED})`, () => {
  for (const pair of [...RACE_PAIRS, ...CHALLENGE_RACE_PAIRS]) {
    it(`${pair.name}: every answer below 500, the invariants hold, no money lost or duplicated`, async () => {
      const runs = await runRacePair(system, pair, { runs: RUNS, maxProcessorDelayMs: 40, maxStaggerMs: 40, random });
      const failed = runs.filter((run) => run.problems.length > 0);
      expect(failed, raceTable([pair], runs)).toEqual([]);
    });
  }
});
