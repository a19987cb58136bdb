import type { ChargeOutcome } from '../payments/payment-provider';
import type { SimulatedPaymentProvider } from '../payments/simulated-provider';
import type { Row, TestSql } from './test-sql';

type All = (sql: string) => Promise<Row[]>;

/**
 * Payments that waited for the customer's bank: an open one is waiting at the processor, its
 * order (or the challenge itself, for an invoice) holds the subscription, and it is not left open
 * past its expiry (system clock) and a pass; an ended one ended as the processor's attempt did.
 */
async function challengeProblems(all: All, charges: readonly ChargeOutcome[], wallNow: number): Promise<string[]> {
  const problems: string[] = [];
  const attempts = new Map(charges.map((charge) => [charge.paymentAttemptId, charge.status]));
  const [clock] = await all('select frozen_at as at from system');
  const systemNow = clock?.at === null || clock?.at === undefined ? wallNow : Number(clock.at);
  for (const c of await all(
    `select p.id, p.order_id as "orderId", p.payment_attempt_id as attempt, p.status, p.expires_at as "expiresAt",
            k.holder from payment_challenges p left join subscription_claims k on k.subscription_id = p.subscription_id`,
  )) {
    const attempt = attempts.get(String(c.attempt));
    if (c.status === 'open') {
      if (attempt !== 'requires_action')
        problems.push(`challenge ${c.id} is open, its payment ${attempt ?? 'unknown'}`);
      const holder = c.orderId ? `order:${c.orderId}` : `challenge:${c.id}`;
      if (c.holder !== holder) problems.push(`open challenge ${c.id} does not hold its subscription (${c.holder})`);
      if (Number(c.expiresAt) + RECOVERY_PASS_SECONDS < systemNow) {
        problems.push(`challenge ${c.id} open past its expiry and a pass`);
      }
    } else if ((c.status === 'succeeded') !== (attempt === 'succeeded')) {
      problems.push(`challenge ${c.id} ended ${c.status}, its payment ${attempt ?? 'unknown'}`);
    }
  }
  return problems;
}

/** A recovery pass runs every minute (server.ts): an abandoned order is finished by the first one after its lease. */
const RECOVERY_PASS_SECONDS = 60;

/**
 * What must hold after any sequence of confirms, renewals, crashes and retries: money moved once
 * per succeeded order or collection payment, never for a failed one unless fully refunded, and no
 * invoice collected beyond its amount due; every captured charge belongs to a succeeded order or
 * an invoice payment, or was refunded in full; no order stays pending past its claim's lease and
 * one recovery pass, and no claim outlives its holder; documents add up; numbers have no gaps; at
 * most one change or cancellation waits for a subscription's period end, none for an ended one; a
 * waiting cancellation's replaced change is its subscription's, and still replaced.
 */
export async function checkInvariants(
  sql: TestSql,
  payments: SimulatedPaymentProvider,
  wallNow: number = Math.floor(Date.now() / 1000),
): Promise<string[]> {
  const problems: string[] = [];
  const all = (query: string) => sql.all<Row>(query);
  const charges = await payments.charges();
  const refunds = await payments.refunds();

  const captured = new Map<string, number>();
  const capturedAmount = new Map<string, number>();
  for (const charge of charges) {
    if (charge.status === 'succeeded') {
      captured.set(charge.paymentAttemptId, (captured.get(charge.paymentAttemptId) ?? 0) + 1);
      capturedAmount.set(charge.paymentAttemptId, charge.amount);
    }
  }
  const refunded = new Map<string, number>();
  for (const refund of refunds) {
    refunded.set(refund.paymentAttemptId, (refunded.get(refund.paymentAttemptId) ?? 0) + refund.amount);
  }
  const fullyRefunded = (attempt: string) =>
    (refunded.get(attempt) ?? 0) === (capturedAmount.get(attempt) ?? Number.NaN);
  for (const order of await all(
    `select o.id, o.status, o.amount, o.payment_attempt_id as attempt, o.refund_id as "refundId",
            (select count(*) from documents d where d.order_id = o.id and d.kind = 'invoice') as invoices,
            (select count(*) from payments p where p.order_id = o.id and p.status = 'succeeded') as payments
       from orders o`,
  )) {
    const charges = captured.get(String(order.attempt)) ?? 0;
    if (order.status === 'succeeded' && Number(order.amount) > 0) {
      if (charges !== 1) problems.push(`order ${order.id} succeeded with ${charges} captured charges`);
      if (Number(order.invoices) !== 1) problems.push(`order ${order.id} succeeded with ${order.invoices} invoices`);
      if (Number(order.payments) !== 1) problems.push(`order ${order.id} succeeded with ${order.payments} payments`);
    }
    if (order.status === 'failed' && order.refundId !== null) {
      if (charges !== 1 || !fullyRefunded(String(order.attempt))) {
        problems.push(`refunded order ${order.id} has ${charges} charges, not refunded in full`);
      }
      if (Number(order.invoices) !== 0 || Number(order.payments) !== 0)
        problems.push(`refunded order ${order.id} issued documents`);
    } else if (
      order.status === 'failed' &&
      (charges !== 0 || Number(order.invoices) !== 0 || Number(order.payments) !== 0)
    ) {
      problems.push(
        `failed order ${order.id} has ${charges} charges, ${order.invoices} invoices, ${order.payments} payments`,
      );
    }
  }
  for (const order of await all(
    `select o.id, c.holder, c.expires_at as "expiresAt" from orders o
       left join subscription_claims c on c.subscription_id = o.subscription_id where o.status = 'pending'`,
  )) {
    if (order.holder !== `order:${order.id}`) problems.push(`pending order ${order.id} holds no claim`);
    else if (Number(order.expiresAt) + RECOVERY_PASS_SECONDS < wallNow) {
      problems.push(`order ${order.id} pending beyond its claim's lease and a recovery pass`);
    }
  }
  for (const claim of await all(
    `select c.subscription_id as "subscriptionId", c.holder from subscription_claims c
       where (c.holder like 'order:%' and not exists
         (select 1 from orders o where 'order:' || o.id = c.holder and o.status = 'pending'))
          or (c.holder like 'challenge:%' and not exists
         (select 1 from payment_challenges p where 'challenge:' || p.id = c.holder and p.status = 'open'))`,
  )) {
    problems.push(`claim on ${claim.subscriptionId} outlives its holder ${claim.holder}`);
  }
  problems.push(...(await challengeProblems(all, charges, wallNow)));
  const paidOrders = await all(
    `select payment_attempt_id as attempt from orders where status = 'succeeded' and amount > 0`,
  );
  const collected = await all(
    `select payment_attempt_id as attempt from payments where order_id is null and status = 'succeeded'`,
  );
  const paidAttempts = new Set([...paidOrders, ...collected].map((o) => String(o.attempt)));
  for (const attempt of captured.keys()) {
    if (!paidAttempts.has(attempt) && !fullyRefunded(attempt)) {
      problems.push(`charge ${attempt} belongs to no succeeded order or payment, and is not refunded`);
    }
  }
  for (const payment of collected) {
    // Seeded history (attempt ids seed-…) was paid before the processor's ledger began.
    const attempt = String(payment.attempt);
    if (!attempt.startsWith('seed-') && captured.get(attempt) !== 1) {
      problems.push(`payment ${attempt} recorded without exactly one captured charge`);
    }
  }
  for (const invoice of await all(
    `select d.number, d.amount_due as due, sum(p.amount) as paid from documents d
       join payments p on p.invoice_id = d.id and p.status = 'succeeded' group by d.id`,
  )) {
    if (Number(invoice.paid) > Number(invoice.due)) {
      problems.push(`${invoice.number} collected ${invoice.paid} of ${invoice.due} due`);
    }
  }
  for (const doc of await all(
    `select d.number, d.total, coalesce(sum(l.amount), 0) as lines
       from documents d left join document_lines l on l.document_id = d.id group by d.id`,
  )) {
    if (Number(doc.total) !== Number(doc.lines))
      problems.push(`${doc.number}: lines add up to ${doc.lines}, total is ${doc.total}`);
  }
  for (const series of await all(
    'select series, year, count(*) as n, min(sequence) as first, max(sequence) as last from documents group by series, year',
  )) {
    if (Number(series.first) !== 1 || Number(series.last) !== Number(series.n)) {
      problems.push(
        `${series.series}-${series.year} numbers ${series.first}..${series.last} for ${series.n} documents`,
      );
    }
  }
  // One thing waits for a period end at a time, and nothing waits on an ended subscription.
  for (const sub of await all(
    `select s.id, s.status,
            (select count(*) from scheduled_changes c where c.subscription_id = s.id and c.status = 'pending') as changes,
            (select count(*) from subscription_cancellations c
              where c.subscription_id = s.id and c.status = 'pending') as cancellations
       from subscriptions s`,
  )) {
    const waiting = Number(sub.changes) + Number(sub.cancellations);
    if (waiting > 1) problems.push(`subscription ${sub.id} has ${waiting} pending changes and cancellations`);
    if (sub.status === 'canceled' && waiting > 0) problems.push(`canceled subscription ${sub.id} has a pending change`);
  }
  // A cancellation replaced its own subscription's change, which stays replaced while the cancellation waits
  // (a resume brings it back; what becomes of it after that, a later cancellation or change decides).
  for (const c of await all(
    `select x.id, x.status, c.status as "changeStatus", c.subscription_id = x.subscription_id as same
       from subscription_cancellations x join scheduled_changes c on c.id = x.replaced_scheduled_change_id`,
  )) {
    if (!c.same) problems.push(`cancellation ${c.id} replaced another subscription's change`);
    if (c.status === 'pending' && c.changeStatus !== 'replaced') {
      problems.push(`pending cancellation ${c.id} replaced a change that is ${c.changeStatus}`);
    }
  }
  problems.push(...(await sql.integrityProblems()));
  return problems;
}
