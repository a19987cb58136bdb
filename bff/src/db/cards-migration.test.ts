import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';

const dir = mkdtempSync(join(tmpdir(), 'planshift-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** The migrations up to (and without) the one that moved cards to their own table. */
function migrationsBeforeCards(): string {
  const folder = join(dir, 'before-cards');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.filter((entry: { tag: string }) => entry.tag < '0008');
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('the migration that keeps cards apart', () => {
  it('moves each card on file to payment_methods as its test token, and drops the number', () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBeforeCards() });
    old.prepare(`insert into catalogs (id, name, version, policies) values ('c', 'C', '1', '{}')`).run();
    const account = old.prepare(
      `insert into accounts (id, name, catalog_id, currency, locale, billing_email, billing_address, payment_method, created_at)
       values (?, ?, 'c', 'USD', 'en', 'a@b.example', '{}', ?, 100)`,
    );
    const card = (number: string) =>
      JSON.stringify({ brand: 'visa', last4: number.slice(-4), expMonth: 12, expYear: 2029, reference: number });
    account.run('good', 'Good', card('4242424242424242'));
    account.run('asking', 'Asking', card('4000002500003155'));
    account.run('unknown', 'Unknown', card('4111111111111111'));
    account.run('none', 'None', null);
    old.close();

    const db = openDatabase(file);
    const cards = db.$client
      .prepare('select account_id as accountId, token, last4, is_default as isDefault from payment_methods order by 1')
      .all();
    expect(cards).toEqual([
      { accountId: 'asking', token: 'pm_card_authenticationRequired', last4: '3155', isDefault: 1 },
      { accountId: 'good', token: 'pm_card_visa', last4: '4242', isDefault: 1 },
      { accountId: 'unknown', token: 'pm_card_chargeDeclined', last4: '1111', isDefault: 1 },
    ]);
    const columns = db.$client.prepare(`select name from pragma_table_info('accounts')`).pluck().all();
    expect(columns).not.toContain('payment_method');
    db.$client.close();
    // Closed, the write-ahead log is folded into the file: no page of it keeps the old numbers.
    expect(readFileSync(file).includes('4242424242424242')).toBe(false);
  });
});
