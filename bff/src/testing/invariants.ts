import type Database from 'better-sqlite3';
import type { SimulatedPaymentProvider } from '../payments/simulated-provider';

type Row = Record<string, unknown>;

/**
 * What must hold after any sequence of confirms, renewals, crashes and retries: money moved once
 * per succeeded order or collection payment, never for a failed one, and no invoice collected
 * beyond its amount due; documents add up; numbers have no gaps.
 */
export function checkInvariants(sqlite: Database.Database, payments: SimulatedPaymentProvider): string[] {
  const problems: string[] = [];
  const all = (sql: string) => sqlite.prepare(sql).all() as Row[];

  const captured = new Map<string, number>();
  for (const charge of payments.charges()) {
    if (charge.status === 'succeeded')
      captured.set(charge.paymentAttemptId, (captured.get(charge.paymentAttemptId) ?? 0) + 1);
  }
  for (const order of all(
    `select o.id, o.status, o.amount, o.payment_attempt_id as attempt,
            (select count(*) from documents d where d.order_id = o.id and d.kind = 'invoice') as invoices,
            (select count(*) from payments p where p.order_id = o.id and p.status = 'succeeded') as payments
       from orders o`,
  )) {
    const charges = captured.get(String(order.attempt)) ?? 0;
    if (order.status === 'succeeded' && Number(order.amount) > 0) {
      if (charges !== 1) problems.push(`order ${order.id} succeeded with ${charges} captured charges`);
      if (order.invoices !== 1) problems.push(`order ${order.id} succeeded with ${order.invoices} invoices`);
      if (order.payments !== 1) problems.push(`order ${order.id} succeeded with ${order.payments} payments`);
    }
    if (order.status === 'failed' && (charges !== 0 || order.invoices !== 0 || order.payments !== 0)) {
      problems.push(
        `failed order ${order.id} has ${charges} charges, ${order.invoices} invoices, ${order.payments} payments`,
      );
    }
  }
  const paidOrders = all(`select payment_attempt_id as attempt from orders where status = 'succeeded' and amount > 0`);
  const collected = all(
    `select payment_attempt_id as attempt from payments where order_id is null and status = 'succeeded'`,
  );
  const paidAttempts = new Set([...paidOrders, ...collected].map((o) => String(o.attempt)));
  for (const attempt of captured.keys()) {
    if (!paidAttempts.has(attempt)) problems.push(`charge ${attempt} belongs to no succeeded order or payment`);
  }
  for (const payment of collected) {
    // Seeded history (attempt ids seed-…) was paid before the processor's ledger began.
    const attempt = String(payment.attempt);
    if (!attempt.startsWith('seed-') && captured.get(attempt) !== 1) {
      problems.push(`payment ${attempt} recorded without exactly one captured charge`);
    }
  }
  for (const invoice of all(
    `select d.number, d.amount_due as due, sum(p.amount) as paid from documents d
       join payments p on p.invoice_id = d.id and p.status = 'succeeded' group by d.id`,
  )) {
    if (Number(invoice.paid) > Number(invoice.due)) {
      problems.push(`${invoice.number} collected ${invoice.paid} of ${invoice.due} due`);
    }
  }
  for (const doc of all(
    `select d.number, d.total, coalesce(sum(l.amount), 0) as lines
       from documents d left join document_lines l on l.document_id = d.id group by d.id`,
  )) {
    if (doc.total !== doc.lines) problems.push(`${doc.number}: lines add up to ${doc.lines}, total is ${doc.total}`);
  }
  for (const series of all(
    'select series, year, count(*) as n, min(sequence) as first, max(sequence) as last from documents group by series, year',
  )) {
    if (series.first !== 1 || series.last !== series.n) {
      problems.push(
        `${series.series}-${series.year} numbers ${series.first}..${series.last} for ${series.n} documents`,
      );
    }
  }
  const integrity = sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  return problems;
}
