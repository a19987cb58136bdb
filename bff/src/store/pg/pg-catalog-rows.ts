import { asc, eq, sql } from 'drizzle-orm';
import { addOns, catalogs, planGroups, plans, prices } from '../../db/pg-schema';
import type { CatalogRecord } from '../records';
import { catalogRecord } from '../sqlite/catalog-rows';
import type { Conn } from './connection';

/**
 * Reads a catalog, re-reading its rows only when its version has moved. The head row is read
 * every time, so a catalog changed by another instance is seen at once (its row is written anew
 * with every change); the cache only saves re-reading unchanged plans and prices.
 */
export class PgCatalogReader {
  readonly #cache = new Map<string, Readonly<{ rowVersion: string; record: CatalogRecord }>>();

  async get(db: Conn, catalogId: string): Promise<CatalogRecord | null> {
    const [row] = await db
      .select({ head: catalogs, rowVersion: sql<string>`${catalogs}.xmin::text` })
      .from(catalogs)
      .where(eq(catalogs.id, catalogId));
    if (!row) return null;
    const { head, rowVersion } = row;
    // Checked by the row's xmin (the transaction that wrote it), not only its version: a reset on
    // another instance writes the catalog afresh, version 1 again, with other plans and prices.
    const cached = this.#cache.get(catalogId);
    if (cached?.rowVersion === rowVersion) return cached.record;
    const record = catalogRecord(head, {
      prices: await db.select().from(prices).where(eq(prices.catalogId, head.id)),
      plans: await db.select().from(plans).where(eq(plans.catalogId, head.id)).orderBy(asc(plans.position)),
      addOns: await db.select().from(addOns).where(eq(addOns.catalogId, head.id)).orderBy(asc(addOns.position)),
      groups: await db
        .select({ id: planGroups.id, name: planGroups.name, names: planGroups.names })
        .from(planGroups)
        .where(eq(planGroups.catalogId, head.id)),
    });
    this.#cache.set(catalogId, { rowVersion, record });
    return record;
  }

  /** The catalog as cached, if it was read at this row version (`xmin`); null otherwise. */
  cached(catalogId: string, rowVersion: string): CatalogRecord | null {
    const cached = this.#cache.get(catalogId);
    return cached?.rowVersion === rowVersion ? cached.record : null;
  }

  clear(): void {
    this.#cache.clear();
  }
}
