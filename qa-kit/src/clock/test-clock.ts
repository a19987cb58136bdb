import {
  type ClockMoveView,
  clockMoveViewSchema,
  type TestClockView,
  testClockViewSchema,
} from '@planshift/shared/api';
import type { APIRequestContext } from '@playwright/test';
import { readAnswer } from '../http/read-answer';
import { type InstantLike, isoOf } from './instant';

/** How far to move a scenario's clock. */
export type ClockDuration = Readonly<{ days?: number; hours?: number; seconds?: number }>;

/**
 * A scenario's test clock. Every move runs, before it answers, what it made due in the scenario
 * (payments given up, renewals, scheduled changes and cancellations, collections, then the
 * outbox): the invoices and e-mails are there when the call returns. It goes any distance.
 */
export class TestClock {
  /** `request` acts in the scenario (it sends its Planshift-Scenario header). */
  constructor(private readonly request: APIRequestContext) {}

  /** The scenario's instant: `now` in Unix seconds (as documents' dates), `iso`, and whether it is frozen. */
  async now(): Promise<TestClockView> {
    return readAnswer(await this.request.get('/api/test/clock'), testClockViewSchema);
  }

  /**
   * Freezes the clock at an instant (forward or back), or with `null` lets it run on real time;
   * what falls due on the way forward runs first.
   */
  async set(at: InstantLike | null): Promise<ClockMoveView> {
    const data = { at: at === null ? null : isoOf(at) };
    return readAnswer(await this.request.put('/api/test/clock', { data }), clockMoveViewSchema);
  }

  /** Moves the clock forward by a duration. */
  async advance(by: ClockDuration): Promise<ClockMoveView> {
    return this.move({ days: by.days ?? 0, hours: by.hours ?? 0, seconds: by.seconds ?? 0 });
  }

  /** Moves the clock to the next renewal of any subscription in the scenario (fails when none is due). */
  async toNextRenewal(): Promise<ClockMoveView> {
    return this.move({ to: 'next_renewal' });
  }

  /** Moves the clock to the next scheduled change or cancellation in the scenario (fails when none is scheduled). */
  async toNextScheduledChange(): Promise<ClockMoveView> {
    return this.move({ to: 'next_scheduled_change' });
  }

  private async move(data: Readonly<Record<string, unknown>>): Promise<ClockMoveView> {
    return readAnswer(await this.request.post('/api/test/clock/advance', { data }), clockMoveViewSchema);
  }
}
