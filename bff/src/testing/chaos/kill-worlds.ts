import { demoScenario } from '../../scenarios/demo';
import type { ScenarioInput } from '../../scenarios/scenario-schema';
import { teamAccount, teamCatalog, teamPlan } from '../scenario-builders';

type AccountInput = ScenarioInput['accounts'][number];

/** Every world's now: ten days into the monthly periods that began on 1 June 2026. */
export const WORLD_CLOCK = '2026-06-10T12:00:00Z';
const DECLINING_CARD = { number: '4000000000000002', expMonth: 12, expYear: 2030 };
const TEAM = teamCatalog('team', [teamPlan('team', 1, { USD: 1200 }), teamPlan('business', 2, { USD: 2500 })]);

/** The owner's e-mail of account `id` (password planshift-demo). */
export const ownerOf = (id: string): string => `owner@${id}.example`;

const world = (catalogs: ScenarioInput['catalogs'], accounts: AccountInput[]): ScenarioInput => ({
  clock: WORLD_CLOCK,
  catalogs,
  accounts,
});

/** `n` accounts on Team × 5 paying by a good card, `confirm-<i>`: one customer per confirm. */
export function confirmWorld(n: number): ScenarioInput {
  return world(
    [TEAM],
    Array.from({ length: n }, (_, i) => teamAccount(`confirm-${i}`, 'team', 'team')),
  );
}

/** `n` subscriptions renewing on the 1st of every month; one card in `decliningEvery` is declined. */
export function renewalWorld(n: number, decliningEvery = 20): ScenarioInput {
  return world(
    [TEAM],
    Array.from({ length: n }, (_, i) => {
      const account = teamAccount(`renew-${i}`, 'team', i % 2 ? 'team' : 'business');
      return i % decliningEvery === 0 ? { ...account, card: DECLINING_CARD } : account;
    }),
  );
}

/**
 * `n` past-due accounts whose invoice for June is unpaid; its retry falls due two days after the
 * world's now. One card in `decliningEvery` is declined again.
 */
export function collectionWorld(n: number, decliningEvery = 10): ScenarioInput {
  return world(
    [TEAM],
    Array.from({ length: n }, (_, i) => {
      const account = teamAccount(`collect-${i}`, 'team', 'team');
      return {
        ...account,
        ...(i % decliningEvery === 0 ? { card: DECLINING_CARD } : {}),
        subscription: { ...account.subscription, status: 'past_due' as const, currentInvoiceUnpaid: true },
      };
    }),
  );
}
export const COLLECTION_RETRY_AT = '2026-06-12T12:00:00Z';

/** `n` accounts on Standard Hosting (CAD), whose upgrades need a person to provision them. */
export function provisioningWorld(n: number): ScenarioInput {
  const hosting = demoScenario.catalogs.find((catalog) => catalog.id === 'hosting');
  if (!hosting) throw new Error('the demo has no hosting catalog');
  return world(
    [hosting],
    Array.from({ length: n }, (_, i) => {
      const account = teamAccount(`host-${i}`, 'hosting', 'hosting-standard', 'CAD');
      return { ...account, subscription: { ...account.subscription, quantity: 1 } };
    }),
  );
}
