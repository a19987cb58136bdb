import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FileChargeLedger } from './payments/charge-ledger';
import { SimulatedPaymentProvider } from './payments/simulated-provider';
import { checkInvariants } from './testing/invariants';

const BFF = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'planshift-crash-'));
const databaseFile = join(dir, 'planshift.sqlite');
const ledgerFile = join(dir, 'charges.jsonl');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startBff(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: BFF,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_FILE: databaseFile,
      PAYMENTS_LEDGER_FILE: ledgerFile,
      // The processor answers slowly, so the test can kill the BFF after the charge and before its record.
      PAYMENTS_LATENCY_MS: '3000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the BFF did not start');
}

async function until(check: () => boolean, timeoutMs = 10_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a BFF killed between the charge and its record', () => {
  it('completes the order once at the next start-up', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let bff = await startBff(port);
    try {
      const signIn = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'maria@northwind.example', password: 'planshift-demo' }),
      });
      const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
      const quote = (await (
        await fetch(`${base}/api/quotes`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ planId: 'business', interval: { unit: 'month', count: 1 }, quantity: 12, addOns: [] }),
        })
      ).json()) as { id: string };

      const confirming = fetch(`${base}/api/changes`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': 'crash-key-0001' },
        body: JSON.stringify({ quoteId: quote.id }),
      }).catch(() => null);
      await until(() => existsSync(ledgerFile) && readFileSync(ledgerFile, 'utf8').includes('succeeded'));
      bff.kill('SIGKILL');
      await confirming;

      const crashed = new Database(databaseFile, { readonly: true });
      expect(crashed.prepare(`select status from orders`).all()).toEqual([{ status: 'pending' }]);
      crashed.close();

      bff = await startBff(port);
      const db = new Database(databaseFile, { readonly: true });
      expect(db.prepare(`select status from orders`).all()).toEqual([{ status: 'succeeded' }]);
      const invoices = db
        .prepare(`select count(*) as n from documents where kind = 'invoice' and reason = 'change'`)
        .get();
      expect(invoices).toEqual({ n: 1 });
      const processor = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(ledgerFile) });
      expect(checkInvariants(db, processor)).toEqual([]);
      db.close();
      const charges = readFileSync(ledgerFile, 'utf8')
        .trim()
        .split('\n')
        .filter((l) => l.includes('succeeded'));
      expect(charges).toHaveLength(1);

      // The customer's retry, on the new process, replays the completed confirmation.
      const signInAgain = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'maria@northwind.example', password: 'planshift-demo' }),
      });
      const again = (await signInAgain.json()) as { csrfToken: string };
      const retry = await fetch(`${base}/api/changes`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: signInAgain.headers.get('set-cookie')?.split(';')[0] ?? '',
          'x-csrf-token': again.csrfToken,
          'idempotency-key': 'crash-key-0001',
        },
        body: JSON.stringify({ quoteId: quote.id }),
      });
      expect(retry.status).toBe(201);
    } finally {
      bff.kill('SIGKILL');
    }
  }, 60_000);
});
