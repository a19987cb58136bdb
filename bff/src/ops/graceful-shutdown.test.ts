import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChildBff, until } from '../testing/child-bff';
import type { Json } from '../testing/test-system';

// A safety net against a hang, not a budget: the test waits for conditions; the child BFFs
// share 2 cores with everything else on this machine (two minutes were not enough at a load of 35).
const CHILD_TEST_TIMEOUT_MS = 600_000;

// The real BFF as a child process (server.ts), stopped with SIGTERM while a confirm is being
// charged: the card processor takes its time (PAYMENTS_LATENCY_MS) to answer.

let dir: string | undefined;
let bff: ChildBff | undefined;
afterEach(async () => {
  await bff?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Maria's Pro, from 10 seats to 12: a change charged now. */
const MORE_SEATS = { planId: 'pro', interval: { unit: 'month', count: 1 }, quantity: 12, addOns: [] };

/** A connection on which a request has begun (its headers not yet ended) before the signal. */
async function requestBegun(port: number, path: string): Promise<{ socket: Socket; answer: () => Promise<string> }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
  });
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
  return {
    socket,
    answer: async () => {
      socket.write('\r\n');
      await ended;
      return received;
    },
  };
}

const pendingOrders = (child: ChildBff) =>
  child.read(async (sql) => Number(await sql.value(`select count(*) from orders where status = 'pending'`)));

async function confirmInFlight(child: ChildBff) {
  const maria = await child.signIn('maria@northwind.example');
  const quote = await maria.json<Json>('POST', '/api/quotes', MORE_SEATS);
  expect(quote.status).toBe(201);
  const confirm = maria.json<Json>(
    'POST',
    '/api/changes',
    { quoteId: quote.body.id },
    { 'idempotency-key': 'sigterm-1' },
  );
  // Claimed and being charged: the processor answers only after PAYMENTS_LATENCY_MS.
  await until(async () => (await pendingOrders(child)) === 1, 30_000, 'the order to be claimed');
  // In an object: an async function's answer that is a promise would be awaited.
  return { confirm };
}

describe('SIGTERM', () => {
  it(
    'stops taking traffic, lets the confirm under way finish, and exits 0 with nothing left half done',
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'planshift-shutdown-'));
      bff = await ChildBff.start(dir, { PAYMENTS_LATENCY_MS: '4000', LOG_LEVEL: 'info' });
      const child = bff;
      const { confirm } = await confirmInFlight(child);
      let answered = false;
      void confirm.then(() => {
        answered = true;
      });
      const probe = await requestBegun(child.port, '/api/ready');

      const exited = child.stop('SIGTERM');
      await until(() => child.output.includes('shutting down'), 30_000, 'the shutdown to begin');
      // A new connection is refused at once; the request that had begun is answered: not ready.
      await expect(fetch(`${child.base}/api/health`)).rejects.toThrow();
      const ready = await probe.answer();
      expect(ready).toMatch(/^HTTP\/1\.1 503 /);
      expect(ready).toMatch(/\r\nConnection: close\r\n/i);
      expect(ready).toContain('{"status":"not_ready","reason":"shutting_down"}');
      expect(answered).toBe(false);

      const answer = await confirm;
      expect(answer.status).toBe(201);
      expect(await exited).toEqual({ code: 0, signal: null });
      const lines = child.output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Json);
      expect(lines.map((line) => line.msg)).toEqual(
        expect.arrayContaining(['shutting down: not ready, finishing requests under way', 'shut down']),
      );
      // The confirm's request line carries its id, like every request's.
      expect(lines.find((line) => line.req?.url === '/api/changes')).toMatchObject({ reqId: expect.any(String) });

      expect(await child.read((sql) => sql.all('select status from orders'))).toEqual([{ status: 'succeeded' }]);
      expect(await child.read((sql) => sql.all('select * from subscription_claims'))).toEqual([]);
      expect(await child.invariants()).toEqual([]);
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it(
    'exits 1 when what it waits for outlasts SHUTDOWN_TIMEOUT_SECONDS',
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'planshift-shutdown-'));
      bff = await ChildBff.start(dir, {
        PAYMENTS_LATENCY_MS: '20000',
        SHUTDOWN_TIMEOUT_SECONDS: '1',
        LOG_LEVEL: 'info',
      });
      const child = bff;
      const { confirm } = await confirmInFlight(child);
      // Its connection is cut when the process exits.
      const cut = expect(confirm).rejects.toThrow();
      expect(await child.stop('SIGTERM')).toEqual({ code: 1, signal: null });
      expect(child.output).toContain('shutdown did not finish in time');
      await cut;
      // Like a crash: the next start finishes the order from the processor's record.
      await child.restart();
      await until(async () => (await pendingOrders(child)) === 0, 60_000, 'the order to be recovered');
      expect(await child.invariants()).toEqual([]);
    },
    CHILD_TEST_TIMEOUT_MS,
  );
});
