// npm run test:chaos — the race matrix (every writer of one subscription against a confirm, in
// process, RACE_RUNS per pair) and the kill matrix (the real BFF SIGKILLed at random moments of a
// confirm, a period-end run, a collection pass and a provisioning completion, then restarted and
// retried). Prints both tables; exits 1 on any 5xx, broken invariant, or lost or duplicated money.

import { type RaceRun, raceTable, runRacePair } from '../src/testing/chaos/race-matrix';
import { RACE_PAIRS } from '../src/testing/chaos/race-pairs';
import { seededRandom } from '../src/testing/chaos/seeded-random';
import { startTestSystem } from '../src/testing/test-system';

const RACE_RUNS = Number(process.env.RACE_RUNS ?? 50);
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);

const started = performance.now();
const random = seededRandom(SEED);
console.log(`chaos seed ${SEED} (CHAOS_SEED=${SEED} draws the same delays again)`);

const races: RaceRun[] = [];
const system = await startTestSystem();
try {
  for (const pair of RACE_PAIRS) {
    const pairStarted = performance.now();
    races.push(
      ...(await runRacePair(system, pair, { runs: RACE_RUNS, maxProcessorDelayMs: 40, maxStaggerMs: 40, random })),
    );
    console.log(`  ${pair.name}: ${RACE_RUNS} runs in ${seconds(pairStarted)} s`);
  }
} finally {
  system.dispose();
}
console.log(`\nrace matrix: ${RACE_PAIRS.length} pairs × ${RACE_RUNS} runs\n${raceTable(RACE_PAIRS, races)}`);
const raceFailures = races.filter((run) => run.problems.length > 0);
for (const run of raceFailures.slice(0, 10)) console.log(`FAILED ${run.pair}: ${run.problems.join('; ')}`);

console.log(`\nchaos run: ${seconds(started)} s`);
process.exitCode = raceFailures.length > 0 ? 1 : 0;

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
