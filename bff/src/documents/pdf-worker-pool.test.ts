import { afterEach, describe, expect, it } from 'vitest';
import { invoiceFixture } from '../email/email-test-fixtures';
import { PdfRenderError, PdfWorkerPool } from './pdf-worker-pool';
import { renderDocumentPdf } from './render-pdf';

const STAND_IN = new URL('./stand-in-pdf-worker.mjs', import.meta.url);
const numbered = (number: string) => invoiceFixture({ number });
const text = (pdf: Buffer) => pdf.toString();

let pool: PdfWorkerPool;
afterEach(() => pool.close());

describe('PdfWorkerPool', () => {
  it('renders in a worker the same bytes as renderDocumentPdf on this thread', async () => {
    pool = new PdfWorkerPool({ size: 1 });
    const document = invoiceFixture({ relatedDocumentId: 'cn-1' });
    const options = { relatedDocumentNumber: 'CN-2026-000004' };
    const [inWorker, here] = await Promise.all([pool.render(document, options), renderDocumentPdf(document, options)]);
    expect(inWorker.subarray(0, 5).toString()).toBe('%PDF-');
    expect(inWorker.equals(here)).toBe(true);
  });

  it('queues renders beyond its workers and answers each with its own PDF', async () => {
    pool = new PdfWorkerPool({ size: 2, entry: STAND_IN });
    const numbers = Array.from({ length: 9 }, (_, i) => `INV-${i}`);
    const pdfs = await Promise.all(numbers.map((n) => pool.render(numbered(n))));
    expect(pdfs.map(text)).toEqual(numbers.map((n) => `PDF of ${n}`));
  });

  it.each([
    ['exits', 'exit', /exit code 3/],
    ['throws', 'throw', /thrown in the worker/],
  ])('fails only the render whose worker %s, and renders the rest in a new worker', async (_, cue, reason) => {
    pool = new PdfWorkerPool({ size: 1, entry: STAND_IN });
    const before = pool.render(numbered('before'));
    const failing = pool.render(numbered(cue));
    const after = pool.render(numbered('after'));
    expect(text(await before)).toBe('PDF of before');
    await expect(failing).rejects.toThrow(reason);
    expect(text(await after)).toBe('PDF of after');
    expect(text(await pool.render(numbered('later')))).toBe('PDF of later');
  });

  it('gives up on a render that takes too long, and goes on in a new worker', async () => {
    pool = new PdfWorkerPool({ size: 1, entry: STAND_IN, timeoutMs: 1_000 });
    const stuck = pool.render(numbered('hang'));
    const next = pool.render(numbered('next'));
    await expect(stuck).rejects.toThrow(/longer than 1000 ms/);
    expect(text(await next)).toBe('PDF of next');
  });

  it('fails queued and running renders when closed, and refuses new ones', async () => {
    pool = new PdfWorkerPool({ size: 1, entry: STAND_IN });
    const running = expect(pool.render(numbered('hang'))).rejects.toThrow(PdfRenderError);
    const queued = expect(pool.render(numbered('queued'))).rejects.toThrow(/closed/);
    await pool.close();
    await running;
    await queued;
    await expect(pool.render(numbered('late'))).rejects.toThrow(/closed/);
  });
});
