// npm run bench:sign-in — how long a customer's confirm takes while a burst of wrong sign-ins is
// being hashed. The BFF runs as `npm start` runs it (its thread pool size included), with the
// simulated processor recording its charges in its table of the database.
//
// Each round: reset to the demo, sign Maria in, quote, then time one confirm quietly, one during a
// burst from one address (the per-address limit soon refuses the rest, unhashed) and one during a
// burst from as many addresses (X-Forwarded-For behind one trusted proxy: every attempt is hashed).
// BENCH_BFF_DIR runs another checkout's BFF for a before/after comparison.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BFF = process.env.BENCH_BFF_DIR ?? fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BURST = Number(process.env.BENCH_BURST ?? 16);
const LATENCY_MS = process.env.PAYMENTS_LATENCY_MS ?? '10';
const dir = mkdtempSync(join(tmpdir(), 'planshift-sign-in-bench-'));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startBff(port: number): Promise<ChildProcess> {
  const child = spawn('npm', ['run', '--silent', 'start'], {
    cwd: BFF,
    // Its own process group, so that stopping it stops node under npm too.
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_FILE: join(dir, 'planshift.sqlite'),
      PAYMENTS_LATENCY_MS: LATENCY_MS,
      TRUST_PROXY_HOPS: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the BFF did not start');
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const bff = await startBff(port);
const results: Record<string, number[]> = { quiet: [], 'one address': [], 'many addresses': [] };
const answers: Record<string, Map<number, number>> = { 'one address': new Map(), 'many addresses': new Map() };
let round = 0;

/** A signed-in Maria with a fresh quote, in a freshly reset world (no throttle rows either). */
async function prepare(quantity: number) {
  const reset = await fetch(`${base}/api/test/reset`, json({ name: 'demo' }));
  if (!reset.ok) throw new Error(`reset answered ${reset.status}`);
  const signIn = await fetch(
    `${base}/api/session`,
    json({ email: 'maria@northwind.example', password: 'planshift-demo' }),
  );
  if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}`);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const headers = { cookie: signIn.headers.get('set-cookie')?.split(';')[0] ?? '', 'x-csrf-token': csrfToken };
  const quote = await fetch(
    `${base}/api/quotes`,
    json({ planId: 'business', interval: { unit: 'month', count: 1 }, quantity, addOns: [] }, headers),
  );
  const { id } = (await quote.json()) as { id: string };
  return { headers, quoteId: id };
}

async function timedConfirm(quantity: number, during?: (n: number) => Promise<Response>) {
  const { headers, quoteId } = await prepare(quantity);
  round++;
  const burst = during ? Array.from({ length: BURST }, (_, i) => during(i)) : [];
  const started = performance.now();
  const confirm = await fetch(
    `${base}/api/changes`,
    json({ quoteId }, { ...headers, 'idempotency-key': `bench-sign-in-${round}` }),
  );
  const elapsed = performance.now() - started;
  if (confirm.status !== 201) throw new Error(`confirm answered ${confirm.status}: ${await confirm.text()}`);
  const statuses = (await Promise.all(burst)).map((response) => response.status);
  return { elapsed, statuses };
}

const wrongSignIn = (i: number, address?: string) =>
  fetch(
    `${base}/api/session`,
    json(
      { email: `nobody-${round}-${i}@example.com`, password: 'wrong-password' },
      address ? { 'x-forwarded-for': address } : {},
    ),
  );

try {
  for (let r = 0; r < ROUNDS; r++) {
    results.quiet?.push((await timedConfirm(12)).elapsed);
    for (const [mode, send] of [
      ['one address', (i: number) => wrongSignIn(i)],
      ['many addresses', (i: number) => wrongSignIn(i, `198.51.100.${i + 1}`)],
    ] as const) {
      const { elapsed, statuses } = await timedConfirm(12, send);
      results[mode]?.push(elapsed);
      for (const status of statuses) answers[mode]?.set(status, (answers[mode]?.get(status) ?? 0) + 1);
    }
  }
  console.log(`Confirm while ${BURST} wrong sign-ins arrive at once; ${ROUNDS} rounds, BFF in ${BFF}`);
  for (const [mode, times] of Object.entries(results)) {
    const counts = answers[mode] ? ` — burst answers ${JSON.stringify(Object.fromEntries(answers[mode]))}` : '';
    console.log(
      `${mode.padEnd(15)} median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms${counts}`,
    );
  }
} finally {
  if (bff.pid) process.kill(-bff.pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
