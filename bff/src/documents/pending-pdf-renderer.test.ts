import { describe, expect, it } from 'vitest';
import type { DocumentRef } from '../store/document-repository';
import { PendingPdfRenderer } from './pending-pdf-renderer';

/** Documents without a PDF, newest first, as the store lists them; `ensureStored` renders one (or fails). */
function world(ids: string[], fails: ReadonlySet<string> = new Set()) {
  const pending = [...ids];
  const rendered: string[] = [];
  const errors: unknown[] = [];
  let issue: (() => void) | null = null;
  const renderer = new PendingPdfRenderer({
    store: {
      documents: {
        withoutPdf: async (limit) =>
          pending.slice(0, limit).map((documentId): DocumentRef => ({ accountId: 'acc-1', documentId })),
      },
    },
    pdfs: {
      ensureStored: async ({ documentId }) => {
        issue?.();
        issue = null;
        if (fails.has(documentId)) throw new Error(`cannot render ${documentId}`);
        pending.splice(pending.indexOf(documentId), 1);
        rendered.push(documentId);
        return true;
      },
    },
    batchSize: 2,
    onError: (error) => errors.push(error),
  });
  return {
    renderer,
    rendered,
    errors,
    /** A document issued while the next render runs. */
    issueDuringNextRender: (id: string) => {
      issue = () => {
        pending.unshift(id);
        renderer.kick();
        renderer.renderPending();
      };
    },
  };
}

describe('PendingPdfRenderer', () => {
  it('renders every pending PDF in batches, newest first', async () => {
    const { renderer, rendered } = world(['d5', 'd4', 'd3', 'd2', 'd1']);
    expect(await renderer.renderPending()).toBe(5);
    expect(rendered).toEqual(['d5', 'd4', 'd3', 'd2', 'd1']);
  });

  it('reports a document it cannot render and ends the pass without it', async () => {
    const { renderer, rendered, errors } = world(['d3', 'd2', 'd1'], new Set(['d2']));
    expect(await renderer.renderPending()).toBe(2);
    expect(rendered).toEqual(['d3', 'd1']);
    expect(errors).toHaveLength(1);
  });

  it('looks again for documents issued during a pass before it ends', async () => {
    const { renderer, rendered, issueDuringNextRender } = world(['d2', 'd1']);
    issueDuringNextRender('d3');
    expect(await renderer.renderPending()).toBe(3);
    expect(rendered).toEqual(['d2', 'd1', 'd3']);
  });

  it('is kicked only once started, and stops after the render under way', async () => {
    const { renderer, rendered } = world(['d2', 'd1']);
    renderer.kick();
    expect(rendered).toEqual([]);
    renderer.start(60_000);
    await renderer.stop();
    const beforeStop = rendered.length;
    expect(beforeStop).toBeLessThanOrEqual(1);
    expect(await renderer.renderPending()).toBe(2 - beforeStop);
  });
});
