import { asc, eq } from 'drizzle-orm';
import { addOns, catalogs, planGroups, plans, prices } from '../../db/pg-schema';
import type { CatalogRecord } from '../records';
import { catalogRecord } from '../sqlite/catalog-rows';
import type { Conn } from './connection';

/**
 * Reads a catalog, re-reading its rows only when its version has moved. The head row is read
 * every time, so a catalog changed by another instance is seen at once (its version moves with
 * every change); the cache only saves re-reading unchanged plans and prices.
 */
export class PgCatalogReader {
  readonly #cache = new Map<string, CatalogRecord>();

  async get(db: Conn, catalogId: string): Promise<CatalogRecord | null> {
    const [head] = await db.select().from(catalogs).where(eq(catalogs.id, catalogId));
    if (!head) return null;
    const cached = this.#cache.get(catalogId);
    if (cached?.catalog.version === head.version) return cached;
    const record = catalogRecord(head, {
      prices: await db.select().from(prices).where(eq(prices.catalogId, head.id)),
      plans: await db.select().from(plans).where(eq(plans.catalogId, head.id)).orderBy(asc(plans.position)),
      addOns: await db.select().from(addOns).where(eq(addOns.catalogId, head.id)).orderBy(asc(addOns.position)),
      groups: await db
        .select({ id: planGroups.id, name: planGroups.name, names: planGroups.names })
        .from(planGroups)
        .where(eq(planGroups.catalogId, head.id)),
    });
    this.#cache.set(catalogId, record);
    return record;
  }

  clear(): void {
    this.#cache.clear();
  }
}
