import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type * as schema from '../../db/pg-schema';

/**
 * One pooled connection seen through Drizzle with the PostgreSQL schema: what the row helpers
 * need. `tx.select()…` builds queries; `tx.$client.query(…)` runs raw SQL (named statements,
 * `nextDocumentNumber`) on the same connection, so inside the same transaction. A PgContext
 * hands one out for the length of a `write` (a transaction) or a `read`.
 */
export type Conn = NodePgDatabase<typeof schema> & { $client: pg.PoolClient };

/** What runs a raw statement: a transaction's connection, or the pool. */
export type Queryable = Pick<pg.ClientBase, 'query'>;
