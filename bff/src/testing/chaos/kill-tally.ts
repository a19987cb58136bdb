import type { ChildBff } from '../child-bff';
import { auditMoney, moneyProblems } from '../money-audit';
import { textTable } from './text-table';

/** How a piece of money-moving work that a kill left in flight ended, once the BFF was back. */
export type InFlightEnd = 'applied' | 'refunded' | 'declined' | 'abandoned' | 'lost';

/**
 * One scenario of the kill matrix: how many kills, where they landed, how the work each one left
 * in flight ended, and whatever did not hold.
 */
export class KillTally {
  kills = 0;
  readonly landed = new Map<string, number>();
  readonly ends = new Map<InFlightEnd, number>();
  /** The latest audit of each world (a BFF's files), which covers all of that world's money. */
  readonly #audits = new Map<string, Readonly<{ lost: number; duplicated: number }>>();
  readonly problems: string[] = [];
  readonly checks: string[] = [];
  readonly #started = performance.now();
  seconds = 0;

  constructor(readonly scenario: string) {}

  /** A SIGKILL, and what it caught (one entry per piece of work it may have hit). */
  killed(...caught: string[]): void {
    this.kills += 1;
    for (const where of caught) this.landed.set(where, (this.landed.get(where) ?? 0) + 1);
  }

  ended(end: InFlightEnd, what: string): void {
    this.ends.set(end, (this.ends.get(end) ?? 0) + 1);
    if (end === 'lost') this.problem(`${what}: captured when the BFF was killed, and recorded nowhere since`);
  }

  problem(what: string): void {
    this.problems.push(what);
  }

  /** The invariants and the money over the whole world, as the BFF's files hold them now. */
  async audit(bff: ChildBff, when: string): Promise<void> {
    const money = await bff.check(auditMoney);
    this.#audits.set(bff.dir, { lost: money.lost.length, duplicated: money.duplicated.length });
    for (const problem of [...(await bff.invariants()), ...moneyProblems(money)]) this.problem(`${when}: ${problem}`);
  }

  get lost(): number {
    return [...this.#audits.values()].reduce((sum, audit) => sum + audit.lost, 0);
  }

  get duplicated(): number {
    return [...this.#audits.values()].reduce((sum, audit) => sum + audit.duplicated, 0);
  }

  done(check: string): KillTally {
    this.checks.push(check);
    this.seconds = (performance.now() - this.#started) / 1000;
    return this;
  }
}

/** Scenario × kills × outcomes. */
export function killTable(tallies: readonly KillTally[]): string {
  const n = (tally: KillTally, end: InFlightEnd) => tally.ends.get(end) ?? 0;
  return textTable(
    [
      'scenario',
      'kills',
      'what the kills caught',
      'in flight',
      'applied',
      'refunded',
      'declined',
      'abandoned, never charged',
      'lost',
      'duplicated',
      'problems',
      's',
    ],
    tallies.map((tally) => [
      tally.scenario,
      tally.kills,
      [...tally.landed.entries()].map(([where, count]) => `${where} ${count}`).join(', '),
      [...tally.ends.values()].reduce((sum, count) => sum + count, 0),
      n(tally, 'applied'),
      n(tally, 'refunded'),
      n(tally, 'declined'),
      n(tally, 'abandoned'),
      tally.lost,
      tally.duplicated,
      tally.problems.length,
      Math.round(tally.seconds),
    ]),
  );
}
