// npm run bench: quotes per second for a plan with 5 add-ons, and period boundaries per second.
// Each figure is measured in several rounds on the main thread (one core); the median is judged.
import { Bench } from 'tinybench';
import { addOn, at, BILLING_ADMIN, catalog, plan, prices, subscriptionOn } from '../src/fixtures/build';
import { MONTHLY } from '../src/periods/billing-interval';
import { periodBoundary } from '../src/periods/period-boundary';
import { quoteChange } from '../src/quote/quote-change';

const ROUNDS = 5;
const QUOTES_PER_SECOND_BAR = 50_000;

const addOnIds = ['backup', 'analytics', 'sso', 'audit-log', 'priority-support', 'sandbox'];
const benchCatalog = catalog({
  plans: [
    plan({ id: 'team', group: 'suite', rank: 1, prices: prices('team', 'EUR', { monthly: 2000, annual: 20000 }) }),
    plan({
      id: 'business',
      group: 'suite',
      rank: 2,
      prices: prices('business', 'EUR', { monthly: 3500, annual: 35000 }),
    }),
    plan({ id: 'scale', group: 'suite', rank: 3, prices: prices('scale', 'EUR', { monthly: 6000, annual: 60000 }) }),
  ],
  addOns: addOnIds.map((id, i) =>
    addOn({
      id,
      quantity: { min: 1, max: 50 },
      prices: prices(id, 'EUR', { monthly: 500 + 100 * i, annual: 5000 + 1000 * i }),
    }),
  ),
});
const periodStart = at('2026-01-31T09:00:00Z');
const subscription = subscriptionOn(benchCatalog, {
  plan: { id: 'team', quantity: 12 },
  addOns: addOnIds.slice(0, 5).map((id) => ({ id, quantity: 2 })),
  anchor: periodStart,
  now: periodStart,
  currency: 'EUR',
});
// Upgrade the plan with more seats, add units to one add-on, remove another, add a sixth.
const request = {
  planId: 'business',
  interval: MONTHLY,
  quantity: 15,
  addOns: [
    { addOnId: 'analytics', quantity: 2 },
    { addOnId: 'audit-log', quantity: 2 },
    { addOnId: 'backup', quantity: 4 },
    { addOnId: 'priority-support', quantity: 2 },
    { addOnId: 'sandbox', quantity: 1 },
  ],
};
const periodSeconds = 28 * 86_400;

let instant = 0;
function quoteOnce(): void {
  instant = (instant + 7919) % periodSeconds;
  const result = quoteChange({
    catalog: benchCatalog,
    subscription,
    actor: BILLING_ADMIN,
    request,
    now: periodStart + instant,
  });
  if (!result.ok || result.quote.lines.length !== 4 || !result.quote.scheduled)
    throw new Error('the benchmark quote is not the intended change');
}

let k = 0;
function boundaryOnce(): void {
  k = (k + 1) % 1200;
  periodBoundary(periodStart, MONTHLY, k);
}

async function opsPerSecond(name: string, fn: () => void): Promise<number> {
  const bench = new Bench({ time: 1000, warmup: true });
  bench.add(name, fn);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result?.state === 'errored') throw result.error;
  if (result?.state !== 'completed') throw new Error(`${name} did not complete`);
  return 1000 / result.period;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const format = (value: number) => Math.round(value).toLocaleString('en-US');

async function measure(name: string, fn: () => void): Promise<number> {
  const rounds: number[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    rounds.push(await opsPerSecond(name, fn));
    console.log(`${name}: round ${round}: ${format(rounds.at(-1) ?? 0)} ops/s`);
  }
  const value = median(rounds);
  console.log(`${name}: median of ${ROUNDS} rounds: ${format(value)} ops/s`);
  return value;
}

console.log(
  `Node ${process.version}, ${process.arch}; one quote = plan + 5 add-ons, 4 lines now + 1 scheduled, next bill, documents`,
);
const quotes = await measure('quotes', quoteOnce);
await measure('period boundaries', boundaryOnce);
const pass = quotes >= QUOTES_PER_SECOND_BAR;
console.log(`quotes/s bar ${format(QUOTES_PER_SECOND_BAR)}: ${pass ? 'PASS' : 'FAIL'} (median ${format(quotes)})`);
process.exitCode = pass ? 0 : 1;
