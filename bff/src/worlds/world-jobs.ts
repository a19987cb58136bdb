import type { System } from '../bootstrap';
import type { Logger } from '../observability/logger';
import type { ScenarioBook } from './scenario-book';

export type JobIntervals = Readonly<{ maintainMs: number; mailMs: number; pdfMs: number; sweepMs: number }>;

/** The real world's pace. */
export const REAL_WORLD_JOBS: JobIntervals = { maintainMs: 60_000, mailMs: 5_000, pdfMs: 5_000, sweepMs: 3600_000 };
/** A scenario's: its e-mail is in the mailbox about a second after the commit that queued it. */
export const SCENARIO_JOBS: JobIntervals = { maintainMs: 60_000, mailMs: 1_000, pdfMs: 2_000, sweepMs: 3600_000 };

/**
 * A world's background work; answers a function that stops it and waits for what is under way.
 * - Period ends: once now (catching up whatever ended while stopped), then at each interval, each
 *   pass first finishing orders whose owner is gone (a lapsed claim, docs/decisions/006).
 * - E-mail queued by changes, renewals and provisioning, sent soon after the commit.
 * - PDFs of documents issued without one, rendered in a worker.
 * - Expired sessions, quotes and idempotency keys, and forgotten sign-in failures, swept.
 */
export function startJobs(system: System, intervals: JobIntervals): () => Promise<void> {
  const failed = system.jobFailed;
  const maintain = () =>
    system.maintain().catch((error) => failed('error', { err: error, job: 'maintenance' }, 'maintenance pass failed'));
  void maintain();
  const timers = [
    setInterval(maintain, intervals.maintainMs),
    setInterval(() => {
      system.deps.store.maintenance
        .purgeExpired({ wallNow: system.deps.wall.now() })
        .catch((error) => failed('error', { err: error, job: 'purge' }, 'purging expired records failed'));
      system.signInThrottle
        .purge()
        .catch((error) => failed('error', { err: error, job: 'purge' }, 'purging sign-in failures failed'));
    }, intervals.sweepMs),
  ];
  for (const timer of timers) timer.unref();
  system.mail.dispatcher.start(intervals.mailMs);
  system.pendingPdfs.start(intervals.pdfMs);
  return async () => {
    for (const timer of timers) clearInterval(timer);
    await system.mail.dispatcher.stop();
    await system.pendingPdfs.stop();
    await system.settle();
  };
}

export type JobFailed = (level: 'warn' | 'error', fields: Readonly<Record<string, unknown>>, message: string) => void;

/**
 * A background job's failure, at its level, except in a scenario's world that another instance
 * has deleted: its jobs then meet a dropped schema until the registry closes the world (within
 * seconds), which is expected and logged only at debug level.
 */
export function jobFailureLog(log: Logger, book: ScenarioBook | undefined): JobFailed {
  return (level, fields, message) => {
    if (book?.gone()) log.debug(fields, `${message} (the scenario was deleted)`);
    else log[level](fields, message);
  };
}
