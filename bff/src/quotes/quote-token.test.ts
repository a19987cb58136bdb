import { QUOTE_ID_MAX_LENGTH } from '@planshift/shared/api';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type QuoteClaims, QuoteTokens, readQuoteToken } from './quote-token';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const tokens = new QuoteTokens(SECRET, null);

const claims: QuoteClaims = {
  subscriptionId: 'sub-northwind',
  subscriptionVersion: 3,
  catalog: 'meetings@2026-01',
  request: {
    planId: 'business',
    interval: { unit: 'month', count: 1 },
    quantity: 12,
    addOns: [{ addOnId: 'large-meetings', quantity: 1 }],
  },
  quotedAt: 1_781_092_800,
  expiresAt: 1_781_094_600,
  dueNow: { amount: 12_345, currency: 'USD' },
};

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,63}$/);
const intervalArb = fc.oneof(
  fc.record({ unit: fc.constant('month' as const), count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ unit: fc.constant('year' as const), count: fc.integer({ min: 1, max: 5 }) }),
);
const requestArb: fc.Arbitrary<ChangeRequest> = fc.record({
  planId: idArb,
  interval: intervalArb,
  quantity: fc.integer({ min: 1, max: 100_000 }),
  addOns: fc.array(
    fc.record(
      { addOnId: idArb, quantity: fc.integer({ min: 1, max: 100_000 }), interval: intervalArb },
      { requiredKeys: ['addOnId', 'quantity'] },
    ),
    { maxLength: 20 },
  ),
});
const claimsArb: fc.Arbitrary<QuoteClaims> = fc.record({
  subscriptionId: idArb,
  subscriptionVersion: fc.nat(),
  catalog: fc.tuple(idArb, idArb).map(([id, version]) => `${id}@${version}`),
  request: requestArb,
  quotedAt: fc.integer({ min: 0, max: 4_000_000_000 }),
  expiresAt: fc.integer({ min: 0, max: 4_000_000_000 }),
  dueNow: fc.record({
    amount: fc.integer(),
    currency: fc.constantFrom('USD' as const, 'EUR' as const, 'JPY' as const),
  }),
});

/** The token with its payload replaced and the signature kept: what a forger would send. */
function withPayload(token: string, payload: unknown): string {
  const [keyId, , signature] = token.split('.');
  return `${keyId}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}

const payloadOf = (token: string): unknown[] =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as unknown[];

describe('quote tokens', () => {
  it('carry what the quote was priced from, for the account they were signed for', () => {
    const signed = tokens.sign('northwind', claims);
    expect(tokens.verify(signed.id, 'northwind')).toEqual({ ...claims, id: signed.id, accountId: 'northwind' });
    expect(readQuoteToken(signed.id, 'northwind')).toEqual(signed);
    // Short enough to sit in a URL for a request like the ones customers make.
    expect(signed.id.length).toBeLessThan(300);
  });

  it('are verified by every instance configured with the same secret, and only in their world', () => {
    const signed = tokens.sign('northwind', claims);
    expect(new QuoteTokens(SECRET, null).verify(signed.id, 'northwind')).not.toBeNull();
    expect(new QuoteTokens(`${SECRET}-rotated`, null).verify(signed.id, 'northwind')).toBeNull();
    expect(new QuoteTokens(SECRET, 'a-scenario').verify(signed.id, 'northwind')).toBeNull();
    const scenario = new QuoteTokens(SECRET, 'a-scenario').sign('northwind', claims);
    expect(new QuoteTokens(SECRET, 'a-scenario').verify(scenario.id, 'northwind')).not.toBeNull();
    expect(tokens.verify(scenario.id, 'northwind')).toBeNull();
  });

  it('are unknown to another account', () => {
    const signed = tokens.sign('northwind', claims);
    expect(tokens.verify(signed.id, 'helios')).toBeNull();
    expect(tokens.verify(signed.id, 'northwind\0')).toBeNull();
    expect(tokens.verify(signed.id, '')).toBeNull();
  });

  it('are unknown once any one character is changed, dropped or added, or the token is cut short', () => {
    const { id } = tokens.sign('northwind', claims);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: id.length - 1 }),
        fc.constantFrom(...`${BASE64URL}.=+/ é\0`),
        (at, character) => {
          fc.pre(id[at] !== character);
          const changed = `${id.slice(0, at)}${character}${id.slice(at + 1)}`;
          expect(tokens.verify(changed, 'northwind')).toBeNull();
          expect(tokens.verify(`${id.slice(0, at)}${character}${id.slice(at)}`, 'northwind')).toBeNull();
          expect(tokens.verify(`${id.slice(0, at)}${id.slice(at + 1)}`, 'northwind')).toBeNull();
          expect(tokens.verify(id.slice(0, at), 'northwind')).toBeNull();
        },
      ),
      { numRuns: 2_000 },
    );
    // Every position, every spelling: base64url's spare bits in the signature's last character
    // included (two spellings decode to the same bytes; only the one written is the token).
    for (let at = 0; at < id.length; at++) {
      for (const character of BASE64URL) {
        if (character === id[at]) continue;
        expect(tokens.verify(`${id.slice(0, at)}${character}${id.slice(at + 1)}`, 'northwind')).toBeNull();
      }
    }
  });

  it('are unknown when any part of what they carry is changed under the same signature', () => {
    fc.assert(
      fc.property(
        claimsArb,
        fc.nat(),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })),
        (original, index, replacement) => {
          const { id } = tokens.sign('acct', original);
          const payload = payloadOf(id);
          const at = index % payload.length;
          fc.pre(JSON.stringify(payload[at]) !== JSON.stringify(replacement));
          const mutated = [...payload];
          mutated[at] = replacement;
          expect(tokens.verify(withPayload(id, mutated), 'acct')).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('are unknown when what they carry is spelled otherwise, even if it means the same', () => {
    const { id } = tokens.sign('northwind', claims);
    const [keyId, , signature] = id.split('.');
    const spaced = Buffer.from(JSON.stringify(payloadOf(id), null, 1)).toString('base64url');
    expect(tokens.verify(`${keyId}.${spaced}.${signature}`, 'northwind')).toBeNull();
    expect(tokens.verify(withPayload(id, payloadOf(id)), 'northwind')).not.toBeNull();
  });

  it('carry any request the API accepts, within the id length the API accepts', () => {
    fc.assert(
      fc.property(claimsArb, (original) => {
        const signed = tokens.sign('acct', original);
        expect(tokens.verify(signed.id, 'acct')).toEqual({ ...original, id: signed.id, accountId: 'acct' });
      }),
      { numRuns: 500 },
    );
    const longest = 'x'.repeat(64);
    const widest: QuoteClaims = {
      ...claims,
      subscriptionId: longest,
      subscriptionVersion: Number.MAX_SAFE_INTEGER,
      catalog: `${longest}@${longest}`,
      dueNow: { amount: Number.MAX_SAFE_INTEGER, currency: 'USD' },
      request: {
        planId: longest,
        interval: { unit: 'month', count: 12 },
        quantity: 100_000,
        addOns: Array.from({ length: 20 }, (_, i) => ({
          addOnId: `${i}`.padStart(64, 'a'),
          quantity: 100_000,
          interval: { unit: 'month' as const, count: 12 },
        })),
      },
    };
    expect(tokens.sign('acct', widest).id.length).toBeLessThanOrEqual(QUOTE_ID_MAX_LENGTH);
  });
});
