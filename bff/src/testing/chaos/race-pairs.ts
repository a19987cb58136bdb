import { instantFromIso } from '@planshift/shared/periods';
import { completeWhenFree } from '../../billing/complete-provisioning';
import type { Client, TestSystem } from '../test-system';
import {
  type Answer,
  confirm,
  confirmed,
  expectCount,
  http,
  paidOnce,
  problemsOf,
  quote,
  quoteAndConfirm,
  renewedOnce,
  runAnswer,
  setClock,
} from './race-steps';

/** Two writers of one subscription, ready to start, and what must hold once both have ended. */
export type Race = Readonly<{ a: () => Promise<Answer>; b: () => Promise<Answer>; check?: () => Promise<string[]> }>;

export type RacePair = Readonly<{
  name: string;
  persona: string;
  writers: readonly [string, string];
  /** Brings the demo world (just reset) to where both writers touch the same subscription. */
  prepare: (system: TestSystem) => Promise<Race>;
}>;

const MONTHLY = { unit: 'month', count: 1 };
/** Ben (Bluebird) on Professional × 3 with a downgrade scheduled for 20 Nov: five seats now replace it. */
const BEN_UPGRADE = {
  planId: 'professional',
  interval: MONTHLY,
  quantity: 5,
  addOns: [{ addOnId: 'campaigns', quantity: 2 }],
};
const BEN_PERIOD_END = '2026-11-20T00:00:00Z';
/** 25 minutes before Ben's period ends: a quote made then is still valid just after it. */
const BEFORE_BEN_PERIOD_END = '2026-11-19T23:35:00Z';
const AFTER_BEN_PERIOD_END = '2026-11-20T00:00:30Z';
/** James (Oakridge) is past due: his seeded invoice is unpaid, which blocks any change until it is paid. */
const JAMES_UPGRADE = { planId: 'professional', interval: MONTHLY, quantity: 6, addOns: [] };
const JAMES_INVOICE = 'sub-oakridge-0';
/** His invoice's retry falls due two days after the demo's now. */
const JAMES_RETRY_AT = '2026-11-17T10:00:00Z';

export const RACE_PAIRS: readonly RacePair[] = [
  {
    name: 'confirm × confirm',
    persona: 'maria@northwind.example: Business × 12 and × 15, quoted at one version',
    writers: ['confirm', 'confirm'],
    prepare: async (system) => {
      const maria = await system.signIn('maria@northwind.example');
      const twelve = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 12, addOns: [] });
      const fifteen = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 15, addOns: [] });
      return {
        a: () => confirm(maria, twelve),
        b: () => confirm(maria, fifteen),
        check: () =>
          expectCount(system, `select count(*) from orders where status = 'succeeded'`, 1, 'succeeded orders'),
      };
    },
  },
  {
    name: 'confirm × period-end run',
    persona: 'ben@bluebird.example: quoted 25 min before his period ends, confirmed and renewed 30 s after',
    writers: ['confirm', 'period-end run'],
    prepare: async (system) => {
      const { ben, quoteId } = await benQuotedBeforePeriodEnd(system);
      // Real time passes the period end between two maintenance passes: the clock moves without its run.
      await system.store.clock.write(instantFromIso(AFTER_BEN_PERIOD_END));
      await system.deps.clock.load();
      return {
        a: () => confirm(ben, quoteId),
        b: async () => runAnswer(await system.billing.run()),
        check: () => renewedOnce(system, 'sub-bluebird', BEN_PERIOD_END),
      };
    },
  },
  {
    name: 'confirm × collection retry',
    persona: 'james@oakridge.example: past due, his invoice’s retry due; the confirm quotes, then confirms',
    writers: ['confirm', 'collection retry'],
    prepare: async (system) => {
      // Reach the retry's time with the processor unreachable, so the retry is due and not yet made.
      system.payments.injectFault({ kind: 'fail_before_charge', times: 1_000 });
      await setClock(system, JAMES_RETRY_AT);
      system.payments.clearFaults();
      const james = await system.signIn('james@oakridge.example');
      return {
        a: () => quoteAndConfirm(james, JAMES_UPGRADE),
        b: async () => runAnswer(await system.billing.run()),
        check: () => paidOnce(system, JAMES_INVOICE),
      };
    },
  },
  {
    name: 'confirm × provisioning completion',
    persona: 'julien@erable.example: Plus Hosting awaiting provisioning; then a Dedicated IP',
    writers: ['confirm', 'provisioning completion'],
    prepare: async (system) => {
      const julien = await system.signIn('julien@erable.example');
      const plus = await confirmed(julien, await quote(julien, { planId: 'hosting-plus', ...ONE_MONTHLY }));
      const changeId = plus.changeId as string;
      const withIp = await quote(julien, {
        planId: 'hosting-plus',
        ...ONE_MONTHLY,
        addOns: [{ addOnId: 'dedicated-ip', quantity: 1 }],
      });
      return {
        a: () => confirm(julien, withIp),
        b: async () => {
          let waited = false;
          const outcome = await completeWhenFree(
            () =>
              system.store.provisioning.complete({ changeId, operator: 'race-matrix', at: system.deps.clock.now() }),
            () => {
              waited = true;
            },
          );
          return { label: waited ? `waited, ${outcome}` : outcome, serverError: false };
        },
        check: () =>
          expectCount(
            system,
            `select count(*) from confirmed_changes where account_id = 'erable-hosting' and provisioning = 'pending'`,
            0,
            'changes left awaiting provisioning',
          ),
      };
    },
  },
  {
    name: 'confirm × scheduled-change cancel',
    persona: 'ben@bluebird.example: five seats now (replacing the scheduled downgrade), or cancel it',
    writers: ['confirm', 'cancel'],
    prepare: async (system) => {
      const ben = await system.signIn('ben@bluebird.example');
      const quoteId = await quote(ben, BEN_UPGRADE);
      return {
        a: () => confirm(ben, quoteId),
        b: async () => http(await ben.json('DELETE', '/api/scheduled-change')),
        check: () =>
          expectCount(
            system,
            `select count(*) from scheduled_changes where subscription_id = 'sub-bluebird' and status = 'pending'`,
            0,
            'downgrades still scheduled',
          ),
      };
    },
  },
  {
    name: 'confirm × cancel at period end',
    persona: 'maria@northwind.example: Business × 12 confirmed, or the subscription cancelled at its period end',
    writers: ['confirm', 'cancel at period end'],
    prepare: async (system) => {
      const maria = await system.signIn('maria@northwind.example');
      const quoteId = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 12, addOns: [] });
      const counted = await everyWriteCounted(system, 'sub-northwind', 'true');
      return {
        a: () => confirm(maria, quoteId),
        b: async () => http(await maria.json('POST', '/api/subscription/cancellation', { reason: 'other' })),
        check: counted,
      };
    },
  },
  {
    name: 'confirm × resume',
    persona: 'hana@tidewater.example: cancelled; Professional × 3 confirmed (replacing the cancellation), or resumed',
    writers: ['confirm', 'resume'],
    prepare: async (system) => {
      const hana = await system.signIn('hana@tidewater.example');
      const quoteId = await quote(hana, HANA_UPGRADE);
      const counted = await everyWriteCounted(system, 'sub-tidewater', `status = 'resumed'`);
      return {
        a: () => confirm(hana, quoteId),
        b: async () => http(await hana.json('DELETE', '/api/subscription/cancellation')),
        check: () =>
          problemsOf(
            counted(),
            expectCount(
              system,
              `select count(*) from subscription_cancellations where subscription_id = 'sub-tidewater' and status = 'pending'`,
              0,
              'cancellations still pending',
            ),
          ),
      };
    },
  },
  {
    name: 'confirm × resume bringing a downgrade back',
    persona:
      'ben@bluebird.example: cancelled over his downgrade to Advanced; five seats confirmed (replacing both), or resumed (the downgrade back)',
    writers: ['confirm', 'resume'],
    prepare: async (system) => {
      const ben = await system.signIn('ben@bluebird.example');
      expect201(await ben.json('POST', '/api/subscription/cancellation', {}), 'Ben’s cancellation');
      const quoteId = await quote(ben, BEN_UPGRADE);
      const counted = await everyWriteCounted(system, 'sub-bluebird', `status = 'resumed'`);
      return {
        a: () => confirm(ben, quoteId),
        b: async () => http(await ben.json('DELETE', '/api/subscription/cancellation')),
        check: () => problemsOf(counted(), resumedWithItsChange(system, 'sub-bluebird')),
      };
    },
  },
  {
    name: 'confirm × invoice pay',
    persona: 'james@oakridge.example: past due; the confirm quotes, then confirms; Pay on his invoice',
    writers: ['confirm', 'invoice pay'],
    prepare: async (system) => {
      const james = await system.signIn('james@oakridge.example');
      return {
        a: () => quoteAndConfirm(james, JAMES_UPGRADE),
        b: async () => http(await james.json('POST', `/api/invoices/${JAMES_INVOICE}/pay`, {})),
        check: () => paidOnce(system, JAMES_INVOICE),
      };
    },
  },
  {
    name: 'confirm × clock move',
    persona: 'ben@bluebird.example: quoted 25 min before his period ends; the clock moves 30 s past it',
    writers: ['confirm', 'clock move'],
    prepare: async (system) => {
      const { ben, quoteId } = await benQuotedBeforePeriodEnd(system);
      return {
        a: () => confirm(ben, quoteId),
        b: async () => http(await system.anonymous.json('PUT', '/api/test/clock', { at: AFTER_BEN_PERIOD_END })),
        check: () => renewedOnce(system, 'sub-bluebird', BEN_PERIOD_END),
      };
    },
  },
];

const ONE_MONTHLY = { interval: MONTHLY, quantity: 1, addOns: [] };
/** Hana (Tidewater) on Advanced × 3 + LeadBooster, cancelled at the period end: an upgrade replaces the cancellation. */
const HANA_UPGRADE = {
  planId: 'professional',
  interval: MONTHLY,
  quantity: 3,
  addOns: [{ addOnId: 'leadbooster', quantity: 1 }],
};

/**
 * No write was lost: from now on, the subscription's version moves once per confirmed order and
 * once per cancellation written or resumed (the rows `counted` selects; the demo's seeded
 * cancellation moved nothing), so neither writer overwrote the other. Returns the check.
 */
async function everyWriteCounted(
  system: TestSystem,
  subscriptionId: string,
  counted: string,
): Promise<() => Promise<string[]>> {
  const one = (sql: string) => system.sql.count(sql, subscriptionId);
  const writes = async () =>
    (await one(`select count(*) from orders where subscription_id = ? and status = 'succeeded'`)) +
    (await one(`select count(*) from subscription_cancellations where subscription_id = ? and (${counted})`));
  const version = () => one('select version from subscriptions where id = ?');
  const start = (await version()) - (await writes());
  return async () => {
    const moved = (await version()) - start;
    const made = await writes();
    return moved === made ? [] : [`${subscriptionId} moved ${moved} versions for ${made} writes`];
  };
}

/**
 * Either writer won whole: the cancellation resumed with the downgrade it had replaced waiting
 * again, or replaced by the confirmed change together with that downgrade; never one without the other.
 */
async function resumedWithItsChange(system: TestSystem, subscriptionId: string): Promise<string[]> {
  const rows = await system.sql.all<{ ends: string }>(
    `select x.status || ' / ' || c.status as ends from subscription_cancellations x
       join scheduled_changes c on c.id = x.replaced_scheduled_change_id where x.subscription_id = ?`,
    subscriptionId,
  );
  const ends = rows.map((row) => row.ends);
  const whole = ['resumed / pending', 'replaced / replaced'];
  return ends.length === 1 && whole.includes(ends[0] ?? '')
    ? []
    : [`cancellation / replaced change ended ${JSON.stringify(ends)}`];
}

function expect201(answer: Readonly<{ status: number }>, what: string): void {
  if (answer.status !== 201) throw new Error(`${what} answered ${answer.status}`);
}

async function benQuotedBeforePeriodEnd(system: TestSystem): Promise<{ ben: Client; quoteId: string }> {
  await setClock(system, BEFORE_BEN_PERIOD_END);
  const ben = await system.signIn('ben@bluebird.example');
  return { ben, quoteId: await quote(ben, BEN_UPGRADE) };
}
