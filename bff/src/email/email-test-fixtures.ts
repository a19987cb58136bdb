import { createRequire } from 'node:module';
import type { Instant } from '@planshift/shared/periods';
import PDFDocument from 'pdfkit';
import type { DocumentRecord } from '../store/records';
import type { ChangeSummary, ComposeDeps } from './compose-email';
import type { OutboxMessage, OutboxPort } from './outbox-dispatcher';

const require = createRequire(import.meta.url);

export const NOV_13: Instant = Date.UTC(2026, 10, 13, 9, 30) / 1000;

/** An outbox message of a kind, as the dispatcher hands it to composeEmail. */
export function outboxMessage(kind: string, payload: unknown): OutboxMessage {
  return {
    id: 'm1',
    accountId: 'acc-1',
    kind,
    recipient: 'maria@elaionas.example',
    payload,
    attempts: 0,
    createdAt: NOV_13,
  };
}
const NOV_1: Instant = Date.UTC(2026, 10, 1) / 1000;
const DEC_1: Instant = Date.UTC(2026, 11, 1) / 1000;

/** A change invoice as the store gives it: Greek, in euros, with a credit note applied. */
export function invoiceFixture(overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: 'inv-1',
    kind: 'invoice',
    reason: 'change',
    number: 'INV-2026-000012',
    currency: 'EUR',
    total: 26_388,
    creditNoteApplied: 8_000,
    creditBalanceApplied: 0,
    forfeited: 0,
    amountDue: 18_388,
    amountPaid: 18_388,
    paidAt: NOV_13,
    relatedDocumentId: null,
    issuedAt: NOV_13,
    locale: 'el',
    seller: {
      name: 'Planshift Ltd',
      address: '1 Main St, London',
      vatId: 'GB123456789',
      email: 'billing@planshift.example',
    },
    customer: {
      name: 'Ελαιώνας Α.Ε.',
      email: 'maria@elaionas.example',
      address: { line1: 'Οδός Αιόλου 10', city: 'Αθήνα', postalCode: '10551', country: 'GR' },
    },
    lines: [
      {
        kind: 'charge_remaining_time',
        item: { type: 'plan', id: 'plus', priceId: 'plus-monthly' },
        itemName: 'Plus',
        quantity: 12,
        unitAmount: { amount: 2_199, currency: 'EUR' },
        covers: { start: NOV_13, end: DEC_1 },
        billingPeriod: { start: NOV_1, end: DEC_1 },
        fraction: { numerator: 18, denominator: 30, unit: 'day' },
        amount: { amount: 15_833, currency: 'EUR' },
        capped: false,
      },
    ],
    ...overrides,
  };
}

export const CHANGE_FIXTURE: ChangeSummary = {
  confirmedAt: NOV_13,
  appliedNow: [
    {
      kind: 'plan_change',
      direction: 'upgrade',
      fromPlanId: 'basic',
      toPlanId: 'plus',
      fromQuantity: 10,
      toQuantity: 12,
    },
  ],
  scheduled: null,
  provisioning: 'automatic',
  // Basic has a French name; Plus, a brand, has none and reads as in English.
  itemNames: { basic: { name: 'Basic', names: { fr: 'Essentiel' } }, plus: { name: 'Plus' } },
};

/** A small, real PDF drawn with DejaVu Sans (pdfkit's built-in fonts have no Greek). */
export function tinyPdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A6', font: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf') });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.text(text);
  doc.end();
  return done;
}

/** Compose dependencies that answer from the fixtures above. */
export function fixtureDeps(documents: readonly DocumentRecord[] = [invoiceFixture()]): ComposeDeps {
  return {
    findDocument: async (_accountId, id) => documents.find((d) => d.id === id) ?? null,
    findChange: async () => CHANGE_FIXTURE,
    documentPdf: (_accountId, document) => tinyPdf(`${document.number} Τιμολόγιο`),
    addresseeName: async () => 'Μαρία Παππά',
  };
}

type Row = OutboxMessage & {
  nextAttemptAt: Instant;
  sentAt: Instant | null;
  messageId: string | null;
  error: string | null;
};

/** The outbox table in memory, with the SQL's semantics and no claim lease (the dispatcher must not need one). */
export class MemoryOutbox implements OutboxPort {
  readonly rows: Row[] = [];

  add(message: Partial<OutboxMessage> & Pick<OutboxMessage, 'id'>, nextAttemptAt: Instant = NOV_13): void {
    this.rows.push({
      accountId: 'acc-1',
      kind: 'change_confirmed',
      recipient: 'maria@elaionas.example',
      payload: { changeId: 'chg-1', invoiceId: 'inv-1', creditNoteId: null, locale: 'el' },
      attempts: 0,
      createdAt: nextAttemptAt,
      ...message,
      nextAttemptAt,
      sentAt: null,
      messageId: null,
      error: null,
    });
  }

  row(id: string): Row {
    const row = this.rows.find((r) => r.id === id);
    if (!row) throw new Error(`no outbox row ${id}`);
    return row;
  }

  async due(now: Instant, limit: number): Promise<OutboxMessage[]> {
    return this.rows
      .filter((r) => r.sentAt === null && r.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt)
      .slice(0, limit)
      .map(({ id, accountId, kind, recipient, payload, attempts, createdAt }) => ({
        id,
        accountId,
        kind,
        recipient,
        payload,
        attempts,
        createdAt,
      }));
  }

  async markSent(id: string, at: Instant, messageId: string): Promise<void> {
    Object.assign(this.row(id), { sentAt: at, messageId });
  }

  async markFailed(id: string, attempts: number, nextAttemptAt: Instant, error: string): Promise<void> {
    Object.assign(this.row(id), { attempts, nextAttemptAt, error });
  }
}
