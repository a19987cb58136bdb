import type { DocumentRepository } from '../store/document-repository';
import type { DocumentPdfs } from './document-pdfs';

export type PendingPdfRendererDeps = Readonly<{
  store: Readonly<{ documents: Pick<DocumentRepository, 'withoutPdf'> }>;
  pdfs: Pick<DocumentPdfs, 'ensureStored'>;
  /** Documents per look at the store: new ones are found between batches, ahead of older ones. */
  batchSize?: number;
  onError: (error: unknown) => void;
}>;

/**
 * Renders, in the background, the PDFs of issued documents that have none stored yet (seeded
 * history, renewals, changes), so that downloads and e-mails find them stored. Like the outbox
 * dispatcher: a pass on a timer, and a kick when documents are issued.
 */
export class PendingPdfRenderer {
  readonly #deps: PendingPdfRendererDeps;
  #inFlight: Promise<number> | null = null;
  #stopping = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(deps: PendingPdfRendererDeps) {
    this.#deps = deps;
  }

  /**
   * Renders every pending PDF, one at a time so that a download never queues behind many; answers
   * how many were stored. A call during a pass joins it: the pass looks at the store again after
   * each batch, so it renders what was issued meanwhile before it ends.
   */
  renderPending(): Promise<number> {
    this.#inFlight ??= this.#pass().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** A pass now and every intervalMs; the timer does not keep the process alive. */
  start(intervalMs: number): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.kick(), intervalMs);
    this.#timer.unref();
    this.kick();
  }

  /** Documents were issued: once started, render their PDFs now rather than at the next tick. */
  kick(): void {
    if (this.#timer) this.renderPending().catch((error: unknown) => this.#report(error));
  }

  /** Stops the timer, and the pass under way after its current render. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#stopping = true;
    try {
      await this.#inFlight?.catch(() => 0);
    } finally {
      this.#stopping = false;
    }
  }

  async #pass(): Promise<number> {
    const { store, pdfs, batchSize = 10 } = this.#deps;
    // Documents this pass could not store (a failed render, a document changed by a QA reset)
    // wait for the next pass, so that this one ends.
    const skipped = new Set<string>();
    let stored = 0;
    for (;;) {
      const batch = (await store.documents.withoutPdf(batchSize + skipped.size)).filter(
        (ref) => !skipped.has(ref.documentId),
      );
      if (batch.length === 0) return stored;
      for (const ref of batch) {
        if (this.#stopping) return stored;
        const done = await pdfs.ensureStored(ref).catch((error: unknown) => {
          this.#report(error);
          return false;
        });
        if (done) stored += 1;
        else skipped.add(ref.documentId);
      }
    }
  }

  #report(error: unknown): void {
    this.#deps.onError(error);
  }
}
