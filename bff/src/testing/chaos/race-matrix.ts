import { setTimeout as sleep } from 'node:timers/promises';
import { until } from '../child-bff';
import { checkInvariants } from '../invariants';
import { auditMoney, moneyProblems } from '../money-audit';
import type { TestSystem } from '../test-system';
import type { RacePair } from './race-pairs';
import type { Answer } from './race-steps';
import { randomMs } from './seeded-random';
import { textTable } from './text-table';

export type RaceOptions = Readonly<{
  runs: number;
  /** Each run's processor answers after a delay drawn in [0, this]. */
  maxProcessorDelayMs: number;
  /** The second writer starts this long after the first, drawn in [0, this]. */
  maxStaggerMs: number;
  random: () => number;
}>;

export type RaceRun = Readonly<{
  pair: string;
  /** The pair's first writer (the confirm) started first. */
  confirmFirst: boolean;
  processorDelayMs: number;
  staggerMs: number;
  /** The answers of the pair's writers, in the pair's order. */
  answers: readonly [string, string];
  problems: readonly string[];
  lost: number;
  duplicated: number;
}>;

/**
 * Runs the pair's two writers at once, `runs` times, each time on the demo world reset: which one
 * starts first, the processor's delay and the second one's start are drawn at random. After each
 * run (and whatever it set off) has settled: every answer below 500, the invariants, the money.
 */
export async function runRacePair(system: TestSystem, pair: RacePair, options: RaceOptions): Promise<RaceRun[]> {
  const runs: RaceRun[] = [];
  for (let i = 0; i < options.runs; i++) runs.push(await runOnce(system, pair, options));
  return runs;
}

async function runOnce(system: TestSystem, pair: RacePair, options: RaceOptions): Promise<RaceRun> {
  await resetDemo(system);
  const race = await pair.prepare(system);
  const processorDelayMs = randomMs(options.random, options.maxProcessorDelayMs);
  const staggerMs = randomMs(options.random, options.maxStaggerMs);
  const confirmFirst = options.random() < 0.5;
  const [first, second] = confirmFirst ? [race.a, race.b] : [race.b, race.a];

  system.payments.setDelay(processorDelayMs);
  const started = answerOf(first);
  // The stagger is the race's input, not a wait for something to happen.
  await sleep(staggerMs);
  const [firstAnswer, secondAnswer] = await Promise.all([started, answerOf(second)]);
  const unsettled = await settled(system);
  system.payments.setDelay(0);

  const answers = confirmFirst ? [firstAnswer, secondAnswer] : [secondAnswer, firstAnswer];
  const audit = await auditMoney(system.sql, system.payments);
  const problems = [
    ...unsettled,
    ...answers.filter((a) => a.serverError).map((a) => `answered ${a.label}`),
    ...(await checkInvariants(system.sql, system.payments)),
    ...moneyProblems(audit),
    ...((await race.check?.()) ?? []),
  ];
  return {
    pair: pair.name,
    confirmFirst,
    processorDelayMs,
    staggerMs,
    answers: [answers[0]?.label ?? '', answers[1]?.label ?? ''],
    problems,
    lost: audit.lost.length,
    duplicated: audit.duplicated.length,
  };
}

async function answerOf(writer: () => Promise<Answer>): Promise<Answer> {
  try {
    return await writer();
  } catch (error) {
    return { label: `threw ${error instanceof Error ? error.message : String(error)}`, serverError: true };
  }
}

/** Waits for orders, the period-end runs they set off, and every claim to end; what did not. */
async function settled(system: TestSystem): Promise<string[]> {
  await system.confirmer.settled();
  await system.challenges.settled();
  await system.billing.settled();
  try {
    await until(async () => !(await system.store.maintenance.hasClaims()), 30_000, 'every claim released');
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

async function resetDemo(system: TestSystem): Promise<void> {
  await system.payments.reset();
  const reset = await system.anonymous.json('POST', '/api/test/reset', { name: 'demo' });
  if (reset.status !== 200) throw new Error(`reset answered ${reset.status}`);
}

/** Pairs × runs × outcomes: one line per distinct pair of answers. */
export function raceTable(pairs: readonly RacePair[], runs: readonly RaceRun[]): string {
  const rows: (string | number)[][] = [];
  for (const pair of pairs) {
    const own = runs.filter((run) => run.pair === pair.name);
    const outcomes = new Map<string, RaceRun[]>();
    for (const run of own) {
      const key = `${run.answers[0]} | ${run.answers[1]}`;
      outcomes.set(key, [...(outcomes.get(key) ?? []), run]);
    }
    const held = own.filter((run) => run.problems.length === 0).length;
    [...outcomes.entries()]
      .sort(([, x], [, y]) => y.length - x.length)
      .forEach(([key, those], i) => {
        rows.push([
          i === 0 ? pair.name : '',
          i === 0 ? `${pair.writers[0]} | ${pair.writers[1]}` : '',
          i === 0 ? own.length : '',
          key,
          those.length,
          those.filter((run) => run.confirmFirst).length,
          i === 0 ? `${held}/${own.length}` : '',
          i === 0 ? sum(own, 'lost') : '',
          i === 0 ? sum(own, 'duplicated') : '',
        ]);
      });
  }
  return textTable(
    ['pair', 'writers', 'runs', 'answers', 'n', 'confirm first', 'invariants held', 'lost', 'duplicated'],
    rows,
  );
}

const sum = (runs: readonly RaceRun[], key: 'lost' | 'duplicated') => runs.reduce((n, run) => n + run[key], 0);
