import type { Instant } from '@planshift/shared/periods';
import type { Store } from './store/store';

/**
 * Wall time, the other clock port: what the test clock never moves (sessions, idempotency keys,
 * claim leases, sign-in delays, timeouts). Milliseconds, as Date.now counts them.
 */
export const wallMs = (): number => Date.now();
/** Wall time in Unix seconds. */
export const wallNow = (): Instant => Math.floor(wallMs() / 1000);

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
