import type { ChildBff } from '../child-bff';
import type { InFlightEnd, KillTally } from './kill-tally';

/** An order or a collection attempt that held its subscription when the BFF was killed. */
export type InFlightWork = Readonly<{ kind: 'order' | 'collection'; id: string; attempt: string; charged: boolean }>;

/**
 * What a killed BFF left holding subscriptions, read from its files while it is down: pending
 * orders, and the invoice attempts of the subscriptions its collections had claimed; each with
 * whether the processor had seen its attempt.
 */
export async function inFlightAtKill(bff: ChildBff): Promise<InFlightWork[]> {
  const seen = new Set((await (await bff.processor()).charges()).map((charge) => charge.paymentAttemptId));
  return bff.read(async (sql) => {
    const orders = await sql.all<{ id: string; attempt: string }>(
      `select id, payment_attempt_id as attempt from orders where status = 'pending'`,
    );
    const collections = await sql.all<{ id: string; attempt: string }>(
      `select k.invoice_id as id, 'pa_inv_' || k.invoice_id || '_' || (k.attempts + 1) as attempt
         from subscription_claims c join collections k on k.subscription_id = c.subscription_id
        where c.holder like 'collection:%' and k.paid_at is null
          and k.next_attempt_at <= (select frozen_at from system)`,
    );
    return [
      ...orders.map((o) => ({ kind: 'order' as const, ...o, charged: seen.has(o.attempt) })),
      ...collections.map((c) => ({ kind: 'collection' as const, ...c, charged: seen.has(c.attempt) })),
    ];
  });
}

/**
 * How the work ended once the restarted BFF (and the retries) finished it: applied, refunded or
 * declined as the processor answered; abandoned when the processor had never seen it (the order
 * dropped for the client's retry to start afresh, the attempt made again by the next pass);
 * lost when money was captured and nothing records it.
 */
async function endOf(bff: ChildBff, work: InFlightWork): Promise<InFlightEnd> {
  if (!work.charged) return 'abandoned';
  return bff.read(async (sql) => {
    if (work.kind === 'order') {
      const order = await sql.one<{ status: string; refundId: string | null }>(
        'select status, refund_id as "refundId" from orders where id = ?',
        work.id,
      );
      if (order?.status === 'succeeded') return 'applied';
      if (order?.status === 'failed') return order.refundId ? 'refunded' : 'declined';
      return 'lost';
    }
    const payment = await sql.value('select status from payments where payment_attempt_id = ?', work.attempt);
    if (payment === 'succeeded') return 'applied';
    if (payment === 'failed') return 'declined';
    return 'lost';
  });
}

/**
 * Tallies how each piece of work a kill left in flight ended. A collection attempt the processor
 * never saw must have been made since (by a later pass, under the same attempt id); an order the
 * processor never saw is the client's to retry.
 */
export async function tallyEnds(tally: KillTally, bff: ChildBff, inFlight: readonly InFlightWork[]): Promise<void> {
  for (const work of inFlight) {
    const end = await endOf(bff, work);
    tally.ended(end, work.attempt);
    if (end === 'abandoned' && work.kind === 'collection') {
      const made = await bff.read((sql) =>
        sql.one('select 1 from payments where payment_attempt_id = ?', work.attempt),
      );
      if (!made) tally.problem(`${work.attempt}: abandoned at a kill and never made again`);
    }
  }
}
