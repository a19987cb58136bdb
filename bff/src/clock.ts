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

  constructor(
    private readonly store: Store,
    readonly testable: boolean,
    private readonly realNow: () => Instant = wallNow,
  ) {}

  async load(): Promise<void> {
    this.#frozenAt = this.testable ? await this.store.clock.read() : null;
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
    await this.store.clock.write(frozenAt);
    this.#frozenAt = frozenAt;
  }
}
