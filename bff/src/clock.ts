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

export type ClockListener = (now: Instant) => Promise<void>;

/**
 * The one clock every part of the BFF reads. In development and test it can be frozen at an
 * instant and moved (the test clock); in production it is always the real time.
 */
export class SystemClock {
  #frozenAt: Instant | null = null;
  readonly #listeners: ClockListener[] = [];

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

  /** Runs whenever the test clock moves, before the move is answered (e.g. period-end renewals). */
  onChange(listener: ClockListener): void {
    this.#listeners.push(listener);
  }

  async set(frozenAt: Instant | null): Promise<void> {
    if (!this.testable) throw new Error('the clock is only settable outside production');
    await this.store.clock.write(frozenAt);
    this.#frozenAt = frozenAt;
    for (const listener of this.#listeners) await listener(this.now());
  }
}
