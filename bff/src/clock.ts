import type { Instant } from '@planshift/shared/periods';
import type { Store } from './store/store';

/**
 * Wall time, the other clock port: what the test clock never moves (sessions, idempotency keys,
 * claim leases, sign-in delays, timeouts). Routes and use cases read it from their deps
 * (`deps.wall`); infrastructure takes it as a parameter that defaults to this machine's.
 */
export type WallClock = Readonly<{
  /** Unix seconds. */
  now: () => Instant;
  /** Milliseconds, as Date.now counts them. */
  ms: () => number;
}>;

export const systemWallClock: WallClock = {
  now: () => Math.floor(Date.now() / 1000),
  ms: () => Date.now(),
};
export const wallMs = systemWallClock.ms;
export const wallNow = systemWallClock.now;

/**
 * The one clock every part of a world reads. A scenario's can be frozen at an instant and moved
 * (its test clock, docs/decisions/018); the real world's is always the real time.
 */
export class SystemClock {
  #frozenAt: Instant | null = null;
  /** Moved at each end of a set: a load that overlapped a set keeps the set's instant, not what it read. */
  #sets = 0;

  constructor(
    private readonly store: Store,
    readonly testable: boolean,
    private readonly realNow: () => Instant = wallNow,
  ) {}

  /**
   * Reads the test clock from the database: at start, and before each request in a scenario's
   * world, since another instance sharing the database may have moved it.
   */
  async load(): Promise<void> {
    if (!this.testable) return;
    const sets = this.#sets;
    const frozenAt = await this.store.clock.read();
    if (sets === this.#sets) this.#frozenAt = frozenAt;
  }

  /**
   * Before a maintenance pass: takes the stored test clock when it is earlier than this instance's
   * (another instance reset the world, or moved its clock back), so that a pass never renews at an
   * instant the world has left. A later one is left alone: the instance that moved the clock runs
   * what fell due before it answers (and reports it), and a pass here would take that from it.
   */
  async loadIfEarlier(): Promise<void> {
    if (!this.testable) return;
    const sets = this.#sets;
    const frozenAt = await this.store.clock.read();
    if (sets === this.#sets && (frozenAt ?? this.realNow()) < this.now()) this.#frozenAt = frozenAt;
  }

  now(): Instant {
    return this.#frozenAt ?? this.realNow();
  }

  /** The test clock's instant, or null while the system runs on real time. */
  frozenAt(): Instant | null {
    return this.#frozenAt;
  }

  /** Stops the clock at an instant, or (null) lets it run on real time; the world runs what falls due. */
  async set(frozenAt: Instant | null): Promise<void> {
    if (!this.testable) throw new Error('only a scenario’s clock can be set');
    this.#sets += 1;
    await this.store.clock.write(frozenAt);
    this.#sets += 1;
    this.#frozenAt = frozenAt;
  }
}
