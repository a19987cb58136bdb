import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { RequestTurns, takeTurns } from './request-turns';

/** Holds the thread for `ms`, as a handler's synchronous database work does. */
function work(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {}
}

describe('request turns', () => {
  it('start in arrival order, and the event loop turns between slices of them', async () => {
    const turns = new RequestTurns();
    const finished: number[] = [];
    // Each turn of the loop passes its timers phase: note how many requests had finished by then.
    const seen: number[] = [];
    const timer = setInterval(() => seen.push(finished.length), 1);
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        await turns.take();
        work(2);
        finished.push(i);
      }),
    );
    clearInterval(timer);
    expect(finished).toEqual(Array.from({ length: 60 }, (_, i) => i));
    // A slice is 10 ms: five or six of these, fewer when this thread is descheduled meanwhile.
    // Run in one go, all sixty would have finished between two turns of the loop.
    const marks = [0, ...seen, 60];
    const longest = Math.max(...marks.slice(1).map((mark, i) => mark - (marks[i] ?? 0)));
    expect(longest).toBeLessThan(15);
  });

  it('let the exempt paths through without one', async () => {
    const turns = new RequestTurns();
    const app = new Hono();
    app.use('*', takeTurns(turns, ['/health']));
    const order: string[] = [];
    app.get('/health', (c) => {
      order.push('health');
      return c.text('ok');
    });
    app.get('/work', (c) => {
      work(2);
      order.push('work');
      return c.text('done');
    });
    const answers = await Promise.all([
      ...Array.from({ length: 30 }, () => app.request('/work')),
      app.request('/health'),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(31).fill(200));
    // Asked last, answered before any of the thirty that came first.
    expect(order[0]).toBe('health');
    expect(order.filter((o) => o === 'work')).toHaveLength(30);
  });
});
