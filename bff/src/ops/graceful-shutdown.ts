import type { Server } from 'node:http';
import type { Logger } from '../observability/logger';
import type { Readiness } from './readiness';

export type ShutdownPlan = Readonly<{
  server: Server;
  readiness: Readiness;
  /** Stops the jobs and waits for the batches under way (orders, period-end runs, e-mail passes, worlds). */
  finishWork: () => Promise<void>;
  /** Closes what is left: databases, PDF workers, mail transports. */
  close: () => Promise<void>;
  log: Logger;
  timeoutMs: number;
  exit: (code: number) => never;
}>;

/** How often idle keep-alive connections are closed while requests under way finish. */
const IDLE_SWEEP_MS = 50;

/**
 * Stops the process gracefully on SIGTERM or SIGINT:
 * 1. readiness answers 503 (shutting_down) at once, and each answer from now on closes its
 *    connection (Connection: close), so that no client sends more on it;
 * 2. the server accepts no new connection; requests under way finish (idle keep-alive
 *    connections are closed as they become idle: they would otherwise hold the server open for
 *    keepAliveTimeout);
 * 3. the jobs stop, and what they were doing finishes: orders being charged, a period-end run,
 *    an e-mail pass, each scenario's world. Whatever held a subscription's claim thus ends
 *    normally and releases it; nothing is left for another instance to take over after a lease;
 * 4. the databases close, and the process exits 0.
 * If that takes longer than the deadline, it exits 1: something hangs, and the supervisor's
 * SIGKILL would come next anyway. A second signal changes nothing.
 */
export function onShutdownSignals(plan: ShutdownPlan): void {
  let started = false;
  const shutDown = (signal: NodeJS.Signals) => {
    if (started) {
      plan.log.warn({ signal }, 'already shutting down');
      return;
    }
    started = true;
    void shutdown(plan, signal);
  };
  process.on('SIGTERM', shutDown);
  process.on('SIGINT', shutDown);
}

async function shutdown(plan: ShutdownPlan, signal: NodeJS.Signals): Promise<void> {
  const { server, readiness, log } = plan;
  const began = performance.now();
  const deadline = setTimeout(() => {
    log.error({ signal, timeoutMs: plan.timeoutMs }, 'shutdown did not finish in time: exiting');
    plan.exit(1);
  }, plan.timeoutMs);
  deadline.unref();
  readiness.shutDown();
  log.info({ signal }, 'shutting down: not ready, finishing requests under way');
  try {
    const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    try {
      await closed;
    } finally {
      clearInterval(sweep);
    }
    log.info('requests finished; finishing jobs under way');
    await plan.finishWork();
    await plan.close();
  } catch (error) {
    log.error({ err: error, signal }, 'shutdown failed');
    plan.exit(1);
  }
  log.info({ signal, ms: Math.round(performance.now() - began) }, 'shut down');
  plan.exit(0);
}
