import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../catalog/catalog-schema';
import { changeOptions } from '../eligibility/change-options';
import { changeOptionsSchema } from '../eligibility/eligibility-schema';
import { policiesArb, worldAndRequestArb } from '../fixtures/arbitraries';
import type { Quote } from '../quote/quote';
import { quoteChange } from '../quote/quote-change';
import { quoteSchema } from '../quote/quote-schema';
import { subscriptionSchema } from '../subscription/subscription-schema';
import type { SameShape } from '../wire/same-shape';
import type { QuoteView } from './quote';
import { quoteViewSchema } from './quote';

// The type-level half runs under `tsc` (npm run typecheck): each @ts-expect-error must meet an
// error, so these lines prove that a field the schema lacks, even an optional one, fails the build.
const _tied: SameShape<typeof quoteSchema, Quote> = true;
// @ts-expect-error an engine quote with a field the schema does not document
const _extraOptional: SameShape<typeof quoteSchema, Quote & { internal?: string }> = true;
// @ts-expect-error a schema that documents a field the engine does not make
const _missing: SameShape<typeof quoteSchema, Omit<Quote, 'dueNow'>> = true;

const view = (quote: Quote): QuoteView => ({
  id: 'quote-1',
  expiresAt: 1_700_000_000,
  request: { planId: 'pro', interval: { unit: 'month', count: 1 }, quantity: 1, addOns: [] },
  quote,
  // @ts-expect-error a view cannot carry what its schema does not document
  internal: 'not documented',
});

describe('the wire schemas read what the engine makes, field for field', () => {
  it('parses (strictly: no unknown field) every quote, subscription, catalog and option list back to itself', () => {
    fc.assert(
      fc.property(worldAndRequestArb(policiesArb), ([world, request]) => {
        const actor = { canManageBilling: true };
        // A strict schema throws on a field it does not document; parsing drops nothing it does.
        const same = (schema: { parse: (value: unknown) => unknown }, value: unknown) =>
          expect(schema.parse(value)).toEqual(value);
        same(subscriptionSchema, world.subscription);
        same(catalogSchema, world.catalog);
        same(changeOptionsSchema, changeOptions(world.catalog, world.subscription, actor));
        const result = quoteChange({ ...world, actor, request });
        if (!result.ok) return;
        same(quoteSchema, result.quote);
        const { internal: _, ...documented } = view(result.quote) as QuoteView & { internal: string };
        expect(quoteViewSchema.parse(view(result.quote))).toEqual(documented);
      }),
      { numRuns: 300 },
    );
  });
});
