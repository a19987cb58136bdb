import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FROM_SOURCE } from '../paths';
import type { DocumentRecord } from '../store/records';
import type { PdfJob, PdfReply } from './pdf-worker';
import type { RenderOptions } from './render-pdf';

/** One worker on two cores, so that the event loop keeps a core; at most two, since PDFs are background work. */
export const DEFAULT_PDF_WORKERS = Math.min(2, Math.max(1, availableParallelism() - 1));

export type PdfWorkerPoolOptions = Readonly<{
  size?: number;
  /** A render running longer is abandoned: its worker is stopped and replaced. */
  timeoutMs?: number;
  /** The worker's entry module; tests give a stand-in. */
  entry?: URL;
}>;

/** A render that failed in its worker, or never reached one. */
export class PdfRenderError extends Error {
  override readonly name = 'PdfRenderError';
}

type Job = Readonly<{ message: PdfJob; resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>;
type Slot = {
  readonly worker: Worker;
  online: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  failure: Error | null;
};

/**
 * Renders PDFs in worker threads, one render per worker at a time, the rest queued: the event
 * loop never draws a PDF. Workers start when there is work; a worker that dies fails only the
 * render it was running, and the queue goes on in a new one.
 */
export class PdfWorkerPool {
  readonly #entry: URL;
  readonly #size: number;
  readonly #timeoutMs: number;
  readonly #queue: Job[] = [];
  readonly #slots = new Set<Slot>();
  #closed = false;

  constructor(options: PdfWorkerPoolOptions = {}) {
    // From source the worker loads its TypeScript through tsx; the bundle has the worker built
    // beside it (scripts/build.mjs), where this module is inlined into dist/server.js.
    this.#entry =
      options.entry ??
      (FROM_SOURCE ? new URL('./pdf-worker-entry.mjs', import.meta.url) : new URL('./pdf-worker.js', import.meta.url));
    this.#size = options.size ?? DEFAULT_PDF_WORKERS;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** The document's PDF, drawn by renderDocumentPdf in a worker: the same bytes as on this thread. */
  render(document: DocumentRecord, options: RenderOptions = {}): Promise<Buffer> {
    if (this.#closed) return Promise.reject(new PdfRenderError('the PDF worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ message: { document, options }, resolve, reject });
      this.#dispatch();
    });
  }

  /** Fails what is queued or running, and stops the workers. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new PdfRenderError('the PDF worker pool closed'));
    await Promise.all([...this.#slots].map((slot) => slot.worker.terminate()));
  }

  #dispatch(): void {
    for (const slot of this.#slots) if (!slot.job) this.#next(slot);
    while (this.#queue.length > 0 && this.#slots.size < this.#size) this.#next(this.#spawn());
  }

  #next(slot: Slot): void {
    const job = this.#queue.shift() ?? null;
    slot.job = job;
    // Referenced only while it works: an idle pool never keeps the process alive.
    if (!job) {
      slot.worker.unref();
      return;
    }
    slot.worker.ref();
    // The render's time starts when the worker runs: a new thread's start-up on a busy machine is not the render's.
    const startTimer = () => {
      if (slot.job !== job) return;
      slot.timer = setTimeout(() => {
        slot.failure = new PdfRenderError(`the render took longer than ${this.#timeoutMs} ms`);
        void slot.worker.terminate();
      }, this.#timeoutMs);
    };
    if (slot.online) startTimer();
    else slot.worker.once('online', startTimer);
    slot.worker.postMessage(job.message);
  }

  #spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.#entry), online: false, job: null, timer: null, failure: null };
    this.#slots.add(slot);
    slot.worker.once('online', () => {
      slot.online = true;
    });
    slot.worker.on('message', (reply: PdfReply) => {
      const job = this.#finish(slot);
      if ('pdf' in reply) job?.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      else job?.reject(new PdfRenderError(reply.error));
      if (!this.#closed) this.#next(slot);
    });
    slot.worker.on('error', (error) => {
      slot.failure ??= error;
    });
    slot.worker.on('exit', (code) => {
      this.#slots.delete(slot);
      this.#finish(slot)?.reject(slot.failure ?? new PdfRenderError(`the PDF worker stopped with exit code ${code}`));
      if (!this.#closed) this.#dispatch();
    });
    return slot;
  }

  #finish(slot: Slot): Job | null {
    const job = slot.job;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return job;
  }
}
