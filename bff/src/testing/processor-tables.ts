import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase } from '../db/open-database';
import { SimulatedPaymentProvider, type SimulatedProviderOptions } from '../payments/simulated-provider';
import { SqliteChargeLedger } from '../payments/sqlite-charge-ledger';

/**
 * Simulated card processors keeping their records in their table, as the BFF runs them: each
 * `provider()` on a fresh migrated database, or on a given one to stand for another instance (a
 * connection of its own to the same file). Everything is closed and removed after the test file.
 */
export function useProcessorTables() {
  const dir = mkdtempSync(join(tmpdir(), 'planshift-processor-'));
  const opened: SimulatedPaymentProvider[] = [];
  afterAll(() => {
    for (const provider of opened) provider.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const database = (): string => {
    const file = join(dir, `${randomUUID()}.sqlite`);
    openDatabase(file).$client.close();
    return file;
  };
  const provider = (
    file: string = database(),
    options: Omit<SimulatedProviderOptions, 'ledger'> = {},
  ): SimulatedPaymentProvider => {
    const made = new SimulatedPaymentProvider({ ...options, ledger: new SqliteChargeLedger(file) });
    opened.push(made);
    return made;
  };
  return { dir, database, provider };
}
