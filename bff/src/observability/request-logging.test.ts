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
  const app = new Hono().use(...requestLogging(log)).get('/thing/:id', (c) => {
    requestLog(c)?.info({ id: c.req.param('id') }, 'looked at a thing');
    return c.json({ ok: true });
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
