// PdfWorkerPool's tests run this instead of pdf-worker.ts: it answers a document's number as its
// "PDF", quickly, and misbehaves when the number asks it to.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ document }) => {
  if (document.number === 'exit') process.exit(3);
  if (document.number === 'throw') throw new Error('thrown in the worker');
  if (document.number === 'hang') return;
  parentPort.postMessage({ pdf: new TextEncoder().encode(`PDF of ${document.number}`) });
});
