// npx tsx bench/pdf-downloads.bench.ts — eight customers download their invoice PDFs over and
// over for BENCH_SECONDS (15) while /api/health is called every 50 ms, against the real BFF in a
// child process on loopback. BENCH_BFF_DIR runs another checkout's BFF (e.g. the code before a
// change) under this script.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INVOICE_CUSTOMERS as CUSTOMERS } from '../src/testing/invoice-customers';
import { healthProbe, inLoops, keepAlive, percentile, startBff, timed } from './loopback';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const BFF_DIR = process.env.BENCH_BFF_DIR ?? fileURLToPath(new URL('..', import.meta.url));
const MAX_DOWNLOADS_EACH = 100_000;

const dir = mkdtempSync(join(tmpdir(), 'planshift-pdf-bench-'));
const bff = await startBff(BFF_DIR, { NODE_ENV: 'test', DATABASE_FILE: join(dir, 'planshift.sqlite') });
try {
  const agent = keepAlive();
  const customers = await Promise.all(
    CUSTOMERS.map(async (email) => {
      const signIn = await timed(agent, `${bff.base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'planshift-demo' }),
      });
      const cookie = String(signIn.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
      const documents = await timed(agent, `${bff.base}/api/documents`, { headers: { cookie } });
      const { documents: list } = JSON.parse(documents.body.toString()) as { documents: { id: string }[] };
      const id = list[0]?.id;
      if (signIn.status !== 200 || !id) throw new Error(`${email} could not sign in or has no document`);
      return { cookie, url: `${bff.base}/api/documents/${id}/pdf` };
    }),
  );

  console.log(
    `PDF downloads: ${customers.length} customers downloading in a loop for ${SECONDS} s, /api/health every 50 ms (${BFF_DIR}, Node ${process.version})`,
  );
  const probe = await healthProbe(bff.base);
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  let pdfs = 0;
  let failures = 0;
  const downloadMs: number[] = [];
  const [health] = await Promise.all([
    probe.sample(50, deadline),
    inLoops(customers.length, deadline, MAX_DOWNLOADS_EACH, async (loop) => {
      const customer = customers[loop];
      if (!customer) return;
      const answer = await timed(agent, customer.url, { headers: { cookie: customer.cookie } });
      if (answer.status === 200 && answer.body.subarray(0, 5).toString() === '%PDF-') pdfs += 1;
      else failures += 1;
      downloadMs.push(answer.ms);
    }),
  ]);
  const seconds = (performance.now() - started) / 1000;
  downloadMs.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `/api/health: p50 ${ms(percentile(health, 0.5))}, p99 ${ms(percentile(health, 0.99))}, max ${ms(health.at(-1) ?? Number.NaN)} (${health.length} calls)`,
  );
  console.log(
    `PDFs: ${(pdfs / seconds).toFixed(1)}/s (${pdfs} in ${seconds.toFixed(1)} s, ${failures} failed); download p50 ${ms(percentile(downloadMs, 0.5))}, p99 ${ms(percentile(downloadMs, 0.99))}`,
  );
} finally {
  bff.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
