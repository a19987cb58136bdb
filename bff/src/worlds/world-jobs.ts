import type { System } from '../bootstrap';

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
  const log = system.deps.log;
  const maintain = () =>
    system.maintain().catch((error) => log.error({ err: error, job: 'maintenance' }, 'maintenance pass failed'));
  void maintain();
  const timers = [
    setInterval(maintain, intervals.maintainMs),
    setInterval(() => {
      system.deps.store.maintenance
        .purgeExpired({ wallNow: system.deps.wall.now() })
        .catch((error) => log.error({ err: error, job: 'purge' }, 'purging expired records failed'));
      system.signInThrottle
        .purge()
        .catch((error) => log.error({ err: error, job: 'purge' }, 'purging sign-in failures failed'));
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
