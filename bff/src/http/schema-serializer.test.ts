import { isDeepStrictEqual } from 'node:util';
import { type QuoteView, quoteViewSchema } from '@planshift/shared/api';
import { type ChangeDescriptor, quoteChange } from '@planshift/shared/quote';
import { policiesArb, worldAndRequestArb } from '@planshift/shared/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaSerializer } from './schema-serializer';

const writeQuote = schemaSerializer<QuoteView>(quoteViewSchema);

describe('the quote writer compiled from the documented schema', () => {
  it('writes every quote the engine makes as JSON.stringify would, and nothing the document does not describe', {
    timeout: 60_000,
  }, () => {
    const kinds = new Set<ChangeDescriptor['kind']>();
    let documents = 0;
    fc.assert(
      fc.property(worldAndRequestArb(policiesArb), ([world, request]) => {
        const result = quoteChange({ ...world, actor: { canManageBilling: true }, request });
        if (!result.ok) return;
        const view: QuoteView = { id: 'quote-1', expiresAt: world.now + 1800, request, quote: result.quote };
        for (const change of [...view.quote.appliedNow, ...(view.quote.scheduled?.changes ?? [])])
          kinds.add(change.kind);
        if (view.quote.documents.invoice && view.quote.documents.creditNote) documents++;
        const withInternal = { ...view, internal: 'not documented' } as QuoteView;
        const written = JSON.parse(writeQuote(withInternal));
        const expected = JSON.parse(JSON.stringify(view));
        // toEqual costs far more than a comparison; it runs to explain a failure.
        if (!isDeepStrictEqual(written, expected)) expect(written).toEqual(expected);
      }),
      { numRuns: 3_000 },
    );
    // The union of change kinds types `from` and `to` as numbers in some members and as intervals
    // in another: the runs must have written all of them, and quotes with both documents.
    expect([...kinds].sort()).toEqual(['add_on_change', 'interval_change', 'plan_change', 'quantity_change']);
    expect(documents).toBeGreaterThan(0);
  });
});
