import type { MiddlewareHandler } from 'hono';

/** How long requests may run, one after the other, before the event loop polls its sockets again. */
const SLICE_MS = 10;

/**
 * API requests take turns: they start their work in the order they arrived, and after a slice
 * of SLICE_MS of it the event loop polls its sockets before the next one starts.
 *
 * Without turns, every request that arrived during one poll runs before the loop polls again:
 * with a hundred busy connections that is a hundred handlers, about 90 ms on the two-core
 * machine, and a health check that arrives meanwhile waits all of it. With turns it waits for
 * at most a slice and the one handler running, because health checks take no turn (decision 010).
 */
export class RequestTurns {
  readonly #waiting: (() => void)[] = [];
  #head = 0;
  #sliceStartedAt = Number.NEGATIVE_INFINITY;
  #sliceOver = false;

  /** Resolves when it is this request's turn: at the earliest in the event loop's next check phase. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      // One immediate per request: those queued before a check phase all run in it, each
      // followed by its request's promise jobs, until the slice is over.
      setImmediate(this.#next);
    });
  }

  readonly #next = (): void => {
    if (performance.now() - this.#sliceStartedAt >= SLICE_MS) {
      // An immediate queued during a check phase runs in the loop's next turn, after a poll:
      // first the new slice, then every request whose turn did not come in this one.
      if (!this.#sliceOver) {
        this.#sliceOver = true;
        setImmediate(this.#newSlice);
      }
      setImmediate(this.#next);
      return;
    }
    const turn = this.#waiting[this.#head];
    this.#head += 1;
    if (this.#head === this.#waiting.length || this.#head >= 1024) {
      this.#waiting.splice(0, this.#head);
      this.#head = 0;
    }
    turn?.();
  };

  readonly #newSlice = (): void => {
    this.#sliceOver = false;
    this.#sliceStartedAt = performance.now();
  };
}

/** Every API route but the exempt ones waits for its turn, with its body already read and parsed. */
export function takeTurns(turns: RequestTurns, exempt: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (!exempt.includes(c.req.path)) await turns.take();
    await next();
  };
}
