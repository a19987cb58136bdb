// npm run test:chaos — the race matrix (every writer of one subscription against a confirm, in
// process, RACE_RUNS per pair) and the kill matrix (the real BFF SIGKILLed at random moments of
// confirms, period-end runs, collection passes and provisioning completions, CHAOS_KILLS in all,
// then restarted and retried). Prints both tables; exits 1 on any 5xx, broken invariant, lost or
// duplicated money, or a scenario that could not finish. CHAOS_SEED replays the same draws.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHALLENGE_RACE_PAIRS } from '../src/testing/chaos/challenge-race-pairs';
import { killDuringChallenges } from '../src/testing/chaos/kill-challenges';
import { killDuringCollectionPasses } from '../src/testing/chaos/kill-collection';
import { killDuringConfirms } from '../src/testing/chaos/kill-confirm';
import { killDuringPeriodEndRuns } from '../src/testing/chaos/kill-period-end';
import { killDuringProvisioning } from '../src/testing/chaos/kill-provisioning';
import { type KillTally, killTable } from '../src/testing/chaos/kill-tally';
import { type RaceRun, raceTable, runRacePair } from '../src/testing/chaos/race-matrix';
import { RACE_PAIRS as CONFIRM_RACE_PAIRS } from '../src/testing/chaos/race-pairs';
import { seededRandom } from '../src/testing/chaos/seeded-random';
import { startTestSystem } from '../src/testing/test-system';

const RACE_RUNS = Number(process.env.RACE_RUNS ?? 50);
/** Spread evenly over the five scenarios (the provisioning one kills twice per customer). */
const KILLS = Number(process.env.CHAOS_KILLS ?? 104);
const SUBSCRIPTIONS = Number(process.env.CHAOS_SUBSCRIPTIONS ?? 3000);
const INVOICES = Number(process.env.CHAOS_INVOICES ?? 3000);
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);

const RACE_PAIRS = [...CONFIRM_RACE_PAIRS, ...CHALLENGE_RACE_PAIRS];
const started = performance.now();
const random = seededRandom(SEED);
console.log(`chaos seed ${SEED} (CHAOS_SEED=${SEED} draws the same delays again)`);
const failures: string[] = [];

const races: RaceRun[] = [];
const system = await startTestSystem();
try {
  for (const pair of RACE_PAIRS) {
    const pairStarted = performance.now();
    const options = { runs: RACE_RUNS, maxProcessorDelayMs: 40, maxStaggerMs: 40, random };
    races.push(...(await runRacePair(system, pair, options)));
    console.log(`  ${pair.name}: ${RACE_RUNS} runs in ${secondsSince(pairStarted)} s`);
  }
} finally {
  system.dispose();
}
console.log(`\nrace matrix: ${RACE_PAIRS.length} pairs × ${RACE_RUNS} runs, ${secondsSince(started)} s`);
console.log(raceTable(RACE_PAIRS, races));
for (const run of races.filter((r) => r.problems.length > 0)) failures.push(`${run.pair}: ${run.problems.join('; ')}`);

const perScenario = Math.ceil(KILLS / 5);
const killsStarted = performance.now();
const tallies: KillTally[] = [];
const scenarios: [string, (dir: string) => Promise<KillTally>][] = [
  ['confirm', (dir) => killDuringConfirms({ dir, kills: perScenario, random, latencyMs: 300 })],
  [
    'period-end run',
    (dir) => killDuringPeriodEndRuns({ dir, kills: perScenario, random, latencyMs: 200, subscriptions: SUBSCRIPTIONS }),
  ],
  [
    'collection pass',
    (dir) => killDuringCollectionPasses({ dir, kills: perScenario, random, latencyMs: 300, invoices: INVOICES }),
  ],
  ['bank challenges', (dir) => killDuringChallenges({ dir, kills: perScenario, random, latencyMs: 300 })],
  [
    'provisioning completion',
    (dir) => killDuringProvisioning({ dir, kills: perScenario + (perScenario % 2), random, latencyMs: 300 }),
  ],
];
for (const [name, scenario] of scenarios) {
  const dir = mkdtempSync(join(tmpdir(), 'planshift-chaos-'));
  try {
    const tally = await scenario(dir);
    tallies.push(tally);
    console.log(`  ${name}: ${tally.kills} kills in ${tally.seconds.toFixed(1)} s`);
    for (const problem of tally.problems) failures.push(`${tally.scenario}: ${problem}`);
    if (tally.lost + tally.duplicated > 0) failures.push(`${tally.scenario}: money lost or duplicated`);
  } catch (error) {
    failures.push(`${name}: could not finish: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const kills = tallies.reduce((sum, tally) => sum + tally.kills, 0);
console.log(`\nkill matrix: ${kills} kills, ${secondsSince(killsStarted)} s`);
console.log(killTable(tallies));
for (const tally of tallies) console.log(`  ${tally.scenario}: ${tally.checks.join('; ')}`);

for (const failure of failures.slice(0, 20)) console.log(`FAILED ${failure}`);
if (failures.length > 20) console.log(`… and ${failures.length - 20} more`);
console.log(`\nnpm run test:chaos: ${secondsSince(started)} s, ${failures.length === 0 ? 'PASS' : 'FAIL'}`);
process.exitCode = failures.length === 0 ? 0 : 1;

function secondsSince(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
