import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgCluster, startPgCluster } from '../testing/pg-cluster';
import { insertAccountWithSubscription, invoiceRow } from '../testing/pg-documents';
import { migratePostgres } from './migrate-pg';
import { openPostgres, type PgDb } from './open-pg';
import { nextDocumentNumber } from './pg-document-numbers';

// Document numbers are gap-free per series and year (the law in several of the portal's
// countries): concurrent writers on PostgreSQL, at READ COMMITTED, take turns on the counter
// row, and a transaction that rolls back gives its number back.

let cluster: PgCluster;
let db: PgDb;

beforeAll(async () => {
  cluster = await startPgCluster();
  await migratePostgres(cluster.url);
  db = openPostgres(cluster.url, { max: 8 });
  await insertAccountWithSubscription(db);
});

afterAll(async () => {
  await db?.$client.end();
  await cluster?.stop();
});

const WRITERS = 8;
const TRANSACTIONS = 500;
/** Every fifth transaction fails after taking its number (20%). */
const rolledBack = (i: number) => i % 5 === 4;
const KEYS = [
  { series: 'INV', year: 2026 },
  { series: 'INV', year: 2027 },
  { series: 'CN', year: 2027 },
];

describe('document numbering on PostgreSQL', () => {
  it('gives 8 concurrent writers numbers 1..N per series and year, with no gap or repeat, despite rollbacks', async () => {
    let next = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const committed: { series: string; year: number; number: number }[] = [];

    async function writer(client: pg.PoolClient): Promise<void> {
      for (let i = next++; i < TRANSACTIONS; i = next++) {
        const key = KEYS[i % KEYS.length] ?? KEYS[0];
        if (!key) throw new Error('no series');
        await client.query('begin');
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          const number = await nextDocumentNumber(client, key.series, key.year);
          // The document takes the number in the same transaction; its unique index would refuse a repeat.
          const row = invoiceRow(`doc-${i}`, key.series, key.year, number);
          await client.query(
            `insert into documents (id, account_id, subscription_id, kind, reason, series, year, sequence, number,
               currency, total, credit_note_applied, credit_balance_applied, forfeited, amount_due, seller, customer,
               locale, issued_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
            [
              ...[row.id, row.accountId, row.subscriptionId, row.kind, row.reason, row.series, row.year, row.sequence],
              ...[row.number, row.currency, row.total, row.creditNoteApplied, row.creditBalanceApplied],
              ...[row.forfeited, row.amountDue, JSON.stringify(row.seller), JSON.stringify(row.customer)],
              ...[row.locale, row.issuedAt],
            ],
          );
          if (rolledBack(i)) {
            await client.query('rollback');
          } else {
            await client.query('commit');
            committed.push({ ...key, number });
          }
        } finally {
          inFlight -= 1;
        }
      }
    }

    const clients = await Promise.all(Array.from({ length: WRITERS }, () => db.$client.connect()));
    try {
      await Promise.all(clients.map(writer));
    } finally {
      for (const client of clients) client.release();
    }

    const expectedCommits = Array.from({ length: TRANSACTIONS }, (_, i) => i).filter((i) => !rolledBack(i)).length;
    expect(expectedCommits).toBe(400);
    expect(committed).toHaveLength(expectedCommits);
    expect(mostInFlight).toBe(WRITERS);
    const counters = await db.$client.query<{ series: string; year: number; last_number: number }>(
      'select series, year, last_number from document_sequences',
    );
    const stored = await db.$client.query<{ series: string; year: number; sequence: number }>(
      'select series, year, sequence from documents',
    );
    for (const key of KEYS) {
      const taken = committed
        .filter((c) => c.series === key.series && c.year === key.year)
        .map((c) => c.number)
        .sort((a, b) => a - b);
      expect(taken.length).toBeGreaterThan(100);
      expect(taken, `${key.series} ${key.year}`).toEqual(Array.from({ length: taken.length }, (_, i) => i + 1));
      const documents = stored.rows
        .filter((d) => d.series === key.series && d.year === key.year)
        .map((d) => d.sequence)
        .sort((a, b) => a - b);
      expect(documents).toEqual(taken);
      expect(counters.rows.find((c) => c.series === key.series && c.year === key.year)?.last_number).toBe(taken.length);
    }
  });
});
