// What the benches that confirm share: the world they load, and the confirm request that takes
// each account's quote once.
import type autocannon from 'autocannon';
import { teamAccount, teamCatalog, teamPlan } from '../src/testing/scenario-builders';

/** `accounts` team accounts on one catalog, each able to move to the business plan. */
export const benchScenario = (accounts: number) => ({
  clock: '2026-06-10T12:00:00Z',
  catalogs: [teamCatalog('bench', [teamPlan('team', 1, { USD: 1200 }), teamPlan('business', 2, { USD: 2500 })])],
  accounts: Array.from({ length: accounts }, (_, i) => teamAccount(`acct-${i}`, 'bench', 'team')),
});

/**
 * POST /api/changes confirming account `first`'s quote, then the next account's on each request,
 * under Idempotency-Keys `<keyPrefix>-<account>`; every answer other than 201 is counted in `refused` by its code.
 */
export function confirmRequest(
  options: Readonly<{
    headers: (account: number) => Record<string, string>;
    quoteIds: readonly string[];
    first: number;
    keyPrefix: string;
    refused: Map<string, number>;
  }>,
): autocannon.Request {
  const { headers, quoteIds, keyPrefix, refused } = options;
  let next = options.first;
  return {
    method: 'POST',
    setupRequest: (request) => {
      const i = next++;
      return {
        ...request,
        headers: { ...headers(i), 'idempotency-key': `${keyPrefix}-${i}` },
        body: JSON.stringify({ quoteId: quoteIds[i] }),
      };
    },
    onResponse: (status, body) => {
      if (status >= 300) {
        const code = `${status} ${(JSON.parse(body) as { code?: string }).code ?? ''}`;
        refused.set(code, (refused.get(code) ?? 0) + 1);
      }
    },
  };
}
