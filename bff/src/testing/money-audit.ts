import type { SimulatedPaymentProvider } from '../payments/simulated-provider';
import type { TestSql } from './test-sql';

/**
 * Where every captured charge went, by its attempt id: to a succeeded order, to an invoice
 * payment, or back to the card. Lost money is captured and in none of them (or recorded as
 * received and never captured); duplicated money is in two of them, or collected beyond an
 * invoice's amount due.
 */
export type MoneyAudit = Readonly<{
  captured: number;
  applied: number;
  collected: number;
  refunded: number;
  lost: readonly string[];
  duplicated: readonly string[];
}>;

type Attempt = Readonly<{ attempt: string; amount: number; currency: string }>;

export async function auditMoney(sql: TestSql, processor: SimulatedPaymentProvider): Promise<MoneyAudit> {
  const charges = await processor.charges();
  const refunds = await processor.refunds();
  // Amounts as numbers whatever the database answers for its integers.
  const rows = async (query: string) =>
    (await sql.all<Attempt>(query)).map((row) => ({ ...row, amount: Number(row.amount) }));
  const applied = await rows(
    `select payment_attempt_id as attempt, amount, currency from orders where status = 'succeeded' and amount > 0`,
  );
  // Seeded history (attempt ids seed-…) was paid before the processor's ledger began.
  const collected = await rows(
    `select payment_attempt_id as attempt, amount, currency from payments
      where order_id is null and status = 'succeeded' and payment_attempt_id not like 'seed-%'`,
  );
  const captured = new Map<string, Attempt>();
  for (const charge of charges) {
    if (charge.status === 'succeeded')
      captured.set(charge.paymentAttemptId, { attempt: charge.paymentAttemptId, ...charge });
  }
  const refundedAmount = new Map<string, number>();
  for (const refund of refunds) {
    refundedAmount.set(refund.paymentAttemptId, (refundedAmount.get(refund.paymentAttemptId) ?? 0) + refund.amount);
  }
  const refunded = [...captured.values()].filter((c) => refundedAmount.get(c.attempt) === c.amount);

  const uses = new Map<string, number>();
  for (const { attempt } of [...applied, ...collected, ...refunded]) uses.set(attempt, (uses.get(attempt) ?? 0) + 1);
  const lost: string[] = [];
  const duplicated: string[] = [];
  for (const [attempt, charge] of captured) {
    const n = uses.get(attempt) ?? 0;
    if (n === 0) lost.push(`${attempt}: ${charge.amount} ${charge.currency} captured, neither applied nor refunded`);
    if (n > 1) duplicated.push(`${attempt}: ${charge.amount} ${charge.currency} captured once, accounted ${n} times`);
  }
  for (const { attempt, amount, currency } of [...applied, ...collected]) {
    const charge = captured.get(attempt);
    if (!charge) lost.push(`${attempt}: ${amount} ${currency} recorded as received, never captured`);
    else if (charge.amount !== amount || charge.currency !== currency) {
      lost.push(`${attempt}: recorded ${amount} ${currency}, captured ${charge.amount} ${charge.currency}`);
    }
  }
  for (const attempt of refundedAmount.keys()) {
    const charge = captured.get(attempt);
    if ((refundedAmount.get(attempt) ?? 0) > (charge?.amount ?? 0))
      duplicated.push(`${attempt}: refunded beyond its capture`);
  }
  const overCollected = await sql.all<{ number: string; due: number; paid: number }>(
    `select d.number, d.amount_due as due, sum(p.amount) as paid from documents d
       join payments p on p.invoice_id = d.id and p.status = 'succeeded' group by d.id having sum(p.amount) > d.amount_due`,
  );
  for (const invoice of overCollected)
    duplicated.push(`${invoice.number}: collected ${invoice.paid} of ${invoice.due} due`);

  return {
    captured: captured.size,
    applied: applied.length,
    collected: collected.length,
    refunded: refunded.length,
    lost,
    duplicated,
  };
}

/** The audit's findings as problems, empty when no money was lost or duplicated. */
export function moneyProblems(audit: MoneyAudit): string[] {
  return [...audit.lost.map((p) => `lost: ${p}`), ...audit.duplicated.map((p) => `duplicated: ${p}`)];
}
