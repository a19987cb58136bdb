import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { DocumentRecord } from '../store/records';
import { type RenderOptions, renderDocumentPdf } from './render-pdf';

export type PdfJob = Readonly<{ document: DocumentRecord; options: RenderOptions }>;

/** A Buffer reaches the main thread as a plain Uint8Array. */
export type PdfReply = Readonly<{ pdf: Uint8Array }> | Readonly<{ error: string }>;

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts runs in a worker thread: see PdfWorkerPool');

// Rendering is background work: at nice 10 this thread takes only the CPU the event loop leaves
// (on a two-core machine it would otherwise take turns with it). Linux gives each thread its own
// nice value; elsewhere the call would lower the whole process, so it is left out there.
if (process.platform === 'linux') setPriority(0, 10);

// One job at a time: the pool sends the next only after this one's reply.
port.on('message', async ({ document, options }: PdfJob) => {
  let reply: PdfReply;
  try {
    reply = { pdf: await renderDocumentPdf(document, options) };
  } catch (error) {
    reply = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});
