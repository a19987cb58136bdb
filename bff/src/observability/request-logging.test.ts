import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { requestLog, requestLogging } from './request-logging';

/** An app whose route logs a line of its own, over a logger that keeps its lines. */
function loggedApp() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = pino({ level: 'info' }, sink).child({ world: 'real' });
  const app = new Hono()
    .use(...requestLogging(log))
    .get('/thing/:id', (c) => {
      requestLog(c)?.info({ id: c.req.param('id') }, 'looked at a thing');
      return c.json({ ok: true });
    })
    .get('/quiet', (c) => c.json({ ok: true }))
    .get('/broken', () => {
      throw new Error('a bug');
    });
  return { app, lines };
}

describe('request logging', () => {
  it('keeps a well-formed X-Request-Id, answers it, and writes it on every line of the request', async () => {
    const { app, lines } = loggedApp();
    const response = await app.request('/thing/42', { headers: { 'X-Request-Id': 'from-the-proxy-123' } });
    expect(response.headers.get('x-request-id')).toBe('from-the-proxy-123');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatchObject({ reqId: 'from-the-proxy-123', world: 'real' });
    expect(lines[0]).toMatchObject({ msg: 'looked at a thing', id: '42', req: { method: 'GET', url: '/thing/42' } });
    expect(lines[1]).toMatchObject({ msg: 'request completed', res: { status: 200 } });
    // The world's binding once, not twice: a JSON line with a repeated key is ambiguous.
    expect(JSON.stringify(lines[0]).match(/"world"/g)).toHaveLength(1);
  });

  it('writes the answer line of a request that logs nothing else with its id, request and time', async () => {
    const { app, lines } = loggedApp();
    const response = await app.request('/quiet', { headers: { 'X-Request-Id': 'quiet-1' } });
    expect(response.status).toBe(200);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        world: 'real',
        reqId: 'quiet-1',
        req: { method: 'GET', url: '/quiet' },
        res: { status: 200 },
        responseTime: expect.any(Number),
        msg: 'request completed',
      }),
    ]);
    expect(JSON.stringify(lines[0]).match(/"world"/g)).toHaveLength(1);
  });

  it('writes the answer line of a request that threw at error level, with its id', async () => {
    const { app, lines } = loggedApp();
    const response = await app.request('/broken', { headers: { 'X-Request-Id': 'broken-1' } });
    expect(response.status).toBe(500);
    expect(lines.at(-1)).toMatchObject({
      level: 50,
      reqId: 'broken-1',
      res: { status: 500 },
      msg: 'request completed',
    });
  });

  it('replaces a malformed or overlong id with a new one', async () => {
    const { app, lines } = loggedApp();
    for (const given of ['has spaces', 'a"quote', 'x'.repeat(256)]) {
      const response = await app.request('/thing/1', { headers: { 'X-Request-Id': given } });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines.at(-1)?.reqId).toBe(id);
    }
  });

  it('gives a request without one an id of its own, and logs no header (cookies stay out of logs)', async () => {
    const { app, lines } = loggedApp();
    const first = await app.request('/thing/1', { headers: { cookie: 'planshift_session=secret' } });
    const second = await app.request('/thing/1');
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
    expect(JSON.stringify(lines)).not.toContain('secret');
  });
});
