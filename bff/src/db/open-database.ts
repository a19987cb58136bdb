import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { BFF_DIR } from '../paths';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = join(BFF_DIR, 'drizzle');

/**
 * Opens (creating when missing) the SQLite file and brings its schema up to date. WAL lets
 * readers run beside the one writer. NORMAL sync survives a crash of the process; the one
 * commit that must also survive a power cut (claiming an order before its charge) is made
 * with FULL by the store.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: 5000 });
  // 8 KiB pages: a commit of a change’s documents and their lines, or of a period-end batch,
  // writes fewer pages than with the 4 KiB default. Only takes effect when the file is created.
  sqlite.pragma('page_size = 8192');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache and memory-mapped reads: the working set of a busy portal stays in memory.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('mmap_size = 268435456');
  cacheStatements(sqlite);
  const db = drizzle({ client: sqlite, schema });
  migrateWithoutForeignKeys(sqlite, () => migrate(db, { migrationsFolder: MIGRATIONS }));
  return db;
}

/**
 * Drizzle compiles its SQL anew for every query that is not explicitly prepared; SQLite's parse
 * and plan of it then costs more than running it. Statements are reusable, so keep the most
 * recent ones by their text (a query's shape, never its values).
 */
function cacheStatements(sqlite: Database.Database, limit = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      // Refresh its place in the least-recently-used order, and hand it out as fresh: Drizzle
      // switches a statement to raw rows when it wants arrays, and that setting sticks.
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > limit) cache.delete(cache.keys().next().value as string);
    return statement;
  }) as typeof sqlite.prepare;
}

/**
 * Runs the migrations with foreign keys off, as SQLite's way of changing a table asks: a
 * migration that rebuilds a table (drizzle-kit's `__new_` copy) drops the old one, which
 * foreign-key enforcement would refuse while other tables refer to it; and the pragma does
 * nothing inside the migrator's transaction, so it is set around it. Every reference must hold
 * again before the database is used.
 */
function migrateWithoutForeignKeys(sqlite: Database.Database, run: () => void): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    run();
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migrations left broken references: ${JSON.stringify(broken.slice(0, 5))}`);
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
