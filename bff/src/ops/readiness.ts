import type { ReadinessView } from '@planshift/shared/api';

/** How long the database may take to answer readiness's query before the instance is not ready. */
const PING_TIMEOUT_MS = 2_000;

/**
 * Whether this instance should get traffic (GET /api/ready): not once it is shutting down (a load
 * balancer stops sending new requests while those under way finish), nor while its database does
 * not answer a trivial query. Liveness (/api/health) asks nothing of the database: a database
 * outage must not get every instance restarted.
 */
export class Readiness {
  #shuttingDown = false;

  constructor(private readonly ping: () => Promise<void>) {}

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  /** From now on the instance answers not ready: it is shutting down. */
  shutDown(): void {
    this.#shuttingDown = true;
  }

  async check(): Promise<ReadinessView> {
    if (this.#shuttingDown) return { status: 'not_ready', reason: 'shutting_down' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the database did not answer in time')), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.ping(), timeout]);
      return { status: 'ready' };
    } catch {
      return { status: 'not_ready', reason: 'database_unavailable' };
    } finally {
      clearTimeout(timer);
    }
  }
}
