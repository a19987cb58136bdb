import { instantFromIso } from '@planshift/shared/periods';
import type { Client, Json, TestSystem } from '../test-system';
import type { RacePair } from './race-pairs';
import {
  type Answer,
  confirm,
  expectCount,
  http,
  paidOnce,
  problemsOf,
  quote,
  runAnswer,
  setClock,
} from './race-steps';

// Writers racing a payment that waits for the customer's bank (3-D Secure): the bank's answer
// against its expiry, against the other answer, against a replay of the confirm, against another
// confirm, and, for an invoice, against the period-end run. Whatever the order, the payment is
// captured at most once and only with the change (or the invoice) recorded, and the subscription
// is let go.

const MONTHLY = { unit: 'month', count: 1 };
const SAM_UPGRADE = { planId: 'advanced', interval: MONTHLY, quantity: 2, addOns: [] };
/** A second before the challenge's 15 minutes end, and just after. */
const BEFORE_EXPIRY = '2026-11-15T10:14:59Z';
const AFTER_EXPIRY = '2026-11-15T10:15:01Z';
const JAMES_INVOICE = 'sub-oakridge-0';
const JAMES_RETRY_AT = '2026-11-17T10:00:00Z';

/** Makes the account's card that asks for authentication (last four 3155) its default, adding it if needed. */
async function payWithAskingCard(client: Client): Promise<void> {
  const cards = (await client.json<Json>('GET', '/api/payment-methods')).body.paymentMethods as Json[];
  const asking = cards.find((card) => card.last4 === '3155');
  const made = asking
    ? await client.json('PUT', `/api/payment-methods/${asking.id}/default`, {})
    : await client.json('POST', '/api/payment-methods', {
        number: '4000002500003155',
        expMonth: 6,
        expYear: 2031,
        cvc: '737',
        makeDefault: true,
      });
  if (made.status >= 300) throw new Error(`making the asking card the default answered ${made.status}`);
}

/** Sam's upgrade confirmed with the asking card: the order waits for his bank. */
async function samChallenged(system: TestSystem) {
  const sam = await system.signIn('sam@cobalt.example');
  await payWithAskingCard(sam);
  const quoteId = await quote(sam, SAM_UPGRADE);
  const key = `race-${crypto.randomUUID()}`;
  const first = await sam.json<Json>('POST', '/api/changes', { quoteId }, { 'idempotency-key': key });
  if (first.status !== 202) throw new Error(`the confirm answered ${first.status}, not a challenge`);
  const challengeId = first.body.challenge.id as string;
  return {
    sam,
    answer: async (decision: 'approve' | 'fail'): Promise<Answer> => {
      const answered = await sam.json<Json>('POST', `/api/payment-challenges/${challengeId}/${decision}`, {});
      return answered.status === 200 ? { label: `200 ${answered.body.status}`, serverError: false } : http(answered);
    },
    replay: async () => http(await sam.json('POST', '/api/changes', { quoteId }, { 'idempotency-key': key })),
  };
}

/** The order ended once: applied with one captured charge, or declined with none; its challenge ended with it. */
function orderEndedOnce(system: TestSystem): Promise<string[]> {
  return problemsOf(
    expectCount(system, `select count(*) from orders where status = 'pending'`, 0, 'orders still pending'),
    expectCount(system, `select count(*) from payment_challenges where status = 'open'`, 0, 'challenges open'),
    expectCount(
      system,
      `select count(*) from orders o join payment_challenges c on c.order_id = o.id
        where (o.status = 'succeeded') <> (c.status = 'succeeded')`,
      0,
      'orders that ended otherwise than their challenge',
    ),
  );
}

/** The order ended once, applied: one change made, whichever writer made it. */
function orderAppliedOnce(system: TestSystem): Promise<string[]> {
  return problemsOf(
    orderEndedOnce(system),
    expectCount(system, `select count(*) from orders where status = 'succeeded'`, 1, 'changes applied'),
  );
}

/** James (past due) pays his invoice with the asking card: the payment waits for his bank, holding the subscription. */
async function jamesChallenged(system: TestSystem) {
  // Reach the retry's time with the processor unreachable, so the retry is due and not yet made.
  system.payments.injectFault({ kind: 'fail_before_charge', times: 1_000 });
  await setClock(system, JAMES_RETRY_AT);
  system.payments.clearFaults();
  const james = await system.signIn('james@oakridge.example');
  await payWithAskingCard(james);
  const paying = await james.json<Json>('POST', `/api/invoices/${JAMES_INVOICE}/pay`, {});
  if (paying.status !== 202) throw new Error(`the pay answered ${paying.status}, not a challenge`);
  const challengeId = paying.body.challenge.id as string;
  return async (): Promise<Answer> => {
    const answered = await james.json<Json>('POST', `/api/payment-challenges/${challengeId}/approve`, {});
    return answered.status === 200 ? { label: `200 ${answered.body.status}`, serverError: false } : http(answered);
  };
}

export const CHALLENGE_RACE_PAIRS: readonly RacePair[] = [
  {
    name: 'bank approval × its expiry',
    persona: 'sam@cobalt.example: his bank asks; he approves a second before 15 minutes end as the clock moves past',
    writers: ['approve', 'clock move'],
    prepare: async (system) => {
      const { answer } = await samChallenged(system);
      // Real time reaches the last second between two passes: the clock moves without them.
      await system.store.clock.write(instantFromIso(BEFORE_EXPIRY));
      await system.deps.clock.load();
      return {
        a: () => answer('approve'),
        b: async () => http(await system.anonymous.json('PUT', '/api/test/clock', { at: AFTER_EXPIRY })),
        check: () => orderEndedOnce(system),
      };
    },
  },
  {
    name: 'bank approval × bank refusal',
    persona: 'sam@cobalt.example: Approve and Fail pressed at once (two tabs of the bank page)',
    writers: ['approve', 'fail'],
    prepare: async (system) => {
      const { answer } = await samChallenged(system);
      return { a: () => answer('approve'), b: () => answer('fail'), check: () => orderEndedOnce(system) };
    },
  },
  {
    name: 'bank approval × confirm replay',
    persona: 'sam@cobalt.example: approves while the portal asks again with the same Idempotency-Key',
    writers: ['approve', 'confirm replay'],
    prepare: async (system) => {
      const { answer, replay } = await samChallenged(system);
      return { a: () => answer('approve'), b: replay, check: () => orderAppliedOnce(system) };
    },
  },
  {
    name: 'bank approval × another confirm',
    persona: 'sam@cobalt.example: approves while a second tab confirms three seats, quoted at the same version',
    writers: ['approve', 'confirm'],
    prepare: async (system) => {
      const { sam, answer } = await samChallenged(system);
      const three = await quote(sam, { ...SAM_UPGRADE, quantity: 3 });
      return { a: () => answer('approve'), b: () => confirm(sam, three), check: () => orderAppliedOnce(system) };
    },
  },
  {
    name: 'invoice pay approval × collection retry',
    persona: 'james@oakridge.example: past due, his retry due; he approves his bank’s challenge as the run collects',
    writers: ['approve', 'period-end run'],
    prepare: async (system) => {
      const approve = await jamesChallenged(system);
      return {
        a: approve,
        b: async () => runAnswer(await system.billing.run()),
        check: () =>
          problemsOf(
            paidOnce(system, JAMES_INVOICE),
            expectCount(system, `select count(*) from payment_challenges where status = 'open'`, 0, 'challenges open'),
          ),
      };
    },
  },
];
