import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHALLENGE_RACE_PAIRS } from './testing/chaos/challenge-race-pairs';
import { raceTable, runRacePair } from './testing/chaos/race-matrix';
import { seededRandom } from './testing/chaos/seeded-random';
import { startTestSystem, type TestSystem } from './testing/test-system';

// A sample of the race matrix's payments that wait for the customer's bank (npm run test:chaos
// runs 50 per pair): the bank's answer against its expiry, the other answer, a replay, another
// confirm and the period-end run, with random processor delays and start offsets.
const RUNS = Number(process.env.RACE_RUNS ?? 3);
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
const random = seededRandom(SEED);

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.dispose());

describe(`a payment waiting for the customer's bank, raced (seed ${SEED})`, () => {
  for (const pair of CHALLENGE_RACE_PAIRS) {
    it(`${pair.name}: every answer below 500, the invariants hold, no money lost or duplicated`, async () => {
      const runs = await runRacePair(system, pair, { runs: RUNS, maxProcessorDelayMs: 40, maxStaggerMs: 40, random });
      const failed = runs.filter((run) => run.problems.length > 0);
      expect(failed, raceTable([pair], runs)).toEqual([]);
    });
  }
});
