// The burst scenario of `npm run bench:api`: mixed traffic on 100 connections (the account
// page's reads, quotes, and confirms that each follow a fresh quote), with 8 PDF downloads and
// 16 wrong-password sign-ins alongside, judged by /api/health p99 and confirm p99.
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { healthProbe, inLoops, keepAlive, percentile, timed } from './loopback';

export type BurstOptions = Readonly<{
  base: string;
  seconds: number;
  /** Accounts 0…accounts-1 have a session; `headers(i)` sends account i's cookie and CSRF token. */
  accounts: number;
  headers: (account: number) => Record<string, string>;
  /** The sign-in e-mail of account i's owner. */
  email: (account: number) => string;
  /** Issued documents, oldest first: the downloads begin with those least likely rendered yet. */
  documents: readonly Readonly<{ account: number; id: string }>[];
}>;

export type BurstResult = Readonly<{ healthP99: number; confirmP99: number; unexpected: number; pass: boolean }>;

const READERS = 60;
const QUOTERS = 30;
/** Accounts that each quote then confirm, over and over: "several demo accounts". */
const CONFIRMERS = 10;
const PDF_DOWNLOADS = 8;
const WRONG_SIGN_INS = 16;
/** Every loop stops at the deadline or after this many rounds, whichever comes first. */
const MAX_ROUNDS = 100_000;
const HEALTH_BAR_MS = 100;
const CONFIRM_BAR_MS = 1000;

type Tally = { ms: number[]; statuses: Map<number, number>; unexpected: number };

function tally(): Tally {
  return { ms: [], statuses: new Map(), unexpected: 0 };
}

function record(t: Tally, status: number, ms: number, expected: readonly number[]): void {
  t.ms.push(ms);
  t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);
  if (!expected.includes(status)) t.unexpected += 1;
}

const quoteBody = (quantity: number) =>
  JSON.stringify({ planId: 'business', interval: { unit: 'month', count: 1 }, quantity, addOns: [] });

export async function runBurst(o: BurstOptions): Promise<BurstResult> {
  const agent = keepAlive();
  const url = (path: string) => `${o.base}${path}`;
  const [reads, quotes, confirms, pdfs, signIns] = [tally(), tally(), tally(), tally(), tally()];
  // The confirming accounts come first; readers, quoters and sign-ins spread over the rest.
  const other = (n: number) => CONFIRMERS + (n % (o.accounts - CONFIRMERS));
  const seats = await Promise.all(
    Array.from({ length: CONFIRMERS }, async (_, account) => {
      const answer = await timed(agent, url('/api/account'), { headers: o.headers(account) });
      const view = JSON.parse(answer.body.toString()) as { subscription: { plan: { quantity: number } } };
      return view.subscription.plan.quantity;
    }),
  );
  // Every connection is open before the clock starts: the server accepts one new connection per
  // turn of its event loop, so opening them all at once would be measured as the burst's latency.
  const connections = READERS + QUOTERS + CONFIRMERS + PDF_DOWNLOADS + WRONG_SIGN_INS;
  await Promise.all(Array.from({ length: connections }, () => timed(agent, url('/api/health'))));
  const probe = await healthProbe(o.base);
  let nextRead = 0;
  let nextQuote = 0;
  let nextDocument = 0;
  let nextSignIn = 0;

  const loadGenerator = monitorEventLoopDelay({ resolution: 10 });
  loadGenerator.enable();
  const started = performance.now();
  const deadline = started + o.seconds * 1000;
  const [health] = await Promise.all([
    probe.sample(50, deadline),
    inLoops(READERS, deadline, MAX_ROUNDS, async (_, n) => {
      const path = n % 2 === 0 ? '/api/account' : '/api/documents';
      const answer = await timed(agent, url(path), { headers: o.headers(other(nextRead++)) });
      record(reads, answer.status, answer.ms, [200]);
    }),
    inLoops(QUOTERS, deadline, MAX_ROUNDS, async () => {
      const i = nextQuote++;
      const answer = await timed(agent, url('/api/quotes'), {
        method: 'POST',
        headers: o.headers(other(i)),
        body: quoteBody(7 + (i % 20)),
      });
      record(quotes, answer.status, answer.ms, [201]);
    }),
    inLoops(CONFIRMERS, deadline, MAX_ROUNDS, async (account, n) => {
      // A seat more each time: a fresh quote for it, then its confirm with a fresh key.
      const quantity = (seats[account] ?? 1) + n + 1;
      const quote = await timed(agent, url('/api/quotes'), {
        method: 'POST',
        headers: o.headers(account),
        body: quoteBody(quantity),
      });
      record(quotes, quote.status, quote.ms, [201]);
      if (quote.status !== 201) return;
      const { id } = JSON.parse(quote.body.toString()) as { id: string };
      const answer = await timed(agent, url('/api/changes'), {
        method: 'POST',
        headers: { ...o.headers(account), 'idempotency-key': `burst-${randomUUID()}` },
        body: JSON.stringify({ quoteId: id }),
      });
      record(confirms, answer.status, answer.ms, [201]);
    }),
    inLoops(PDF_DOWNLOADS, deadline, MAX_ROUNDS, async () => {
      const document = o.documents[nextDocument++ % o.documents.length];
      if (!document) return;
      const answer = await timed(agent, url(`/api/documents/${document.id}/pdf`), {
        headers: o.headers(document.account),
      });
      record(pdfs, answer.status, answer.ms, [200]);
    }),
    inLoops(WRONG_SIGN_INS, deadline, MAX_ROUNDS, async () => {
      const answer = await timed(agent, url('/api/session'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: o.email(other(nextSignIn++)), password: 'not-the-password' }),
      });
      // Wrong, so 401; or 429 too_many_attempts once a sign-in throttle refuses to hash it.
      record(signIns, answer.status, answer.ms, [401, 429]);
    }),
  ]);
  const seconds = (performance.now() - started) / 1000;
  loadGenerator.disable();

  const line = (title: string, t: Tally): number => {
    const sorted = [...t.ms].sort((a, b) => a - b);
    const statuses = [...t.statuses].map(([status, n]) => `${status}×${n}`).join(' ');
    const p = (q: number) => percentile(sorted, q).toFixed(1);
    console.log(
      `  ${title.padEnd(28)} ${(t.ms.length / seconds).toFixed(1).padStart(7)}/s   p50 ${p(0.5).padStart(7)} ms   p99 ${p(0.99).padStart(8)} ms   ${statuses}`,
    );
    return percentile(sorted, 0.99);
  };
  console.log('');
  console.log(
    `burst: ${seconds.toFixed(1)} s on ${READERS + QUOTERS + CONFIRMERS} connections (${READERS} reading the account page, ${QUOTERS} quoting, ${CONFIRMERS} accounts each quoting then confirming), ${PDF_DOWNLOADS} PDF downloads and ${WRONG_SIGN_INS} wrong sign-ins alongside`,
  );
  line('GET account and documents', reads);
  line('POST /api/quotes', quotes);
  const confirmP99 = line('POST /api/changes (confirm)', confirms);
  line('GET /api/documents/{id}/pdf', pdfs);
  line('wrong sign-ins (401 or 429)', signIns);
  const healthP99 = percentile(health, 0.99);
  console.log(
    `  /api/health every 50 ms on open connections: p50 ${percentile(health, 0.5).toFixed(1)} ms, p99 ${healthP99.toFixed(1)} ms, max ${(health.at(-1) ?? Number.NaN).toFixed(1)} ms (${health.length} calls)`,
  );
  console.log(
    `  this load generator's own event-loop delay: p99 ${(loadGenerator.percentile(99) / 1e6).toFixed(1)} ms, max ${(loadGenerator.max / 1e6).toFixed(1)} ms (included in the figures above)`,
  );
  const unexpected = [reads, quotes, confirms, pdfs, signIns].reduce((sum, t) => sum + t.unexpected, 0);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const healthOk = healthP99 < HEALTH_BAR_MS;
  const confirmOk = confirms.ms.length > 0 && confirmP99 < CONFIRM_BAR_MS;
  console.log(
    `burst: /api/health p99 ${healthP99.toFixed(1)} ms (bar < ${HEALTH_BAR_MS} ms) ${verdict(healthOk)}; confirm p99 ${confirmP99.toFixed(1)} ms (bar < ${CONFIRM_BAR_MS} ms) ${verdict(confirmOk)}; unexpected answers ${unexpected} ${verdict(unexpected === 0)}`,
  );
  return { healthP99, confirmP99, unexpected, pass: healthOk && confirmOk && unexpected === 0 };
}
