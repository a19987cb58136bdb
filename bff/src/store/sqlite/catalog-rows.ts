import type { AddOn, Catalog, CatalogPolicies, LimitValue, LocalNames, Plan, Price } from '@planshift/shared/catalog';
import type { CurrencyCode } from '@planshift/shared/money';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open-database';
import { addOns, catalogs, planGroups, plans, prices } from '../../db/schema';
import type { CatalogRecord } from '../records';

type Limits = Record<string, LimitValue>;

/** Reads a catalog, re-reading its rows only when its version has moved. */
export class CatalogCache {
  readonly #cache = new Map<string, CatalogRecord>();
  readonly #head;

  constructor(private readonly db: Db) {
    this.#head = db
      .select()
      .from(catalogs)
      .where(eq(catalogs.id, sql.placeholder('catalogId')))
      .prepare();
  }

  get(catalogId: string): CatalogRecord | null {
    const head = this.#head.get({ catalogId });
    if (!head) return null;
    const cached = this.#cache.get(catalogId);
    if (cached?.catalog.version === head.version) return cached;
    const record = this.#read(head);
    this.#cache.set(catalogId, record);
    return record;
  }

  clear(): void {
    this.#cache.clear();
  }

  #read(head: typeof catalogs.$inferSelect): CatalogRecord {
    return catalogRecord(head, {
      prices: this.db.select().from(prices).where(eq(prices.catalogId, head.id)).all(),
      plans: this.db.select().from(plans).where(eq(plans.catalogId, head.id)).orderBy(asc(plans.position)).all(),
      addOns: this.db.select().from(addOns).where(eq(addOns.catalogId, head.id)).orderBy(asc(addOns.position)).all(),
      groups: this.db
        .select({ id: planGroups.id, name: planGroups.name, names: planGroups.names })
        .from(planGroups)
        .where(eq(planGroups.catalogId, head.id))
        .all(),
    });
  }
}

export type CatalogRowsRead = Readonly<{
  prices: readonly (typeof prices.$inferSelect)[];
  /** In their catalog's order (by position). */
  plans: readonly (typeof plans.$inferSelect)[];
  addOns: readonly (typeof addOns.$inferSelect)[];
  groups: readonly Readonly<{ id: string; name: string; names: unknown }>[];
}>;

/** A catalog as a record, from its head row and its rows (both dialects read the same rows). */
export function catalogRecord(head: typeof catalogs.$inferSelect, rows: CatalogRowsRead): CatalogRecord {
  const priceRows = rows.prices;
  const pricesOf = (type: 'plan' | 'add_on', id: string): Price[] =>
    priceRows
      .filter((p) => p.productType === type && p.productId === id)
      .map((p) => ({
        id: p.id,
        interval: { unit: p.intervalUnit, count: p.intervalCount },
        currency: p.currency as CurrencyCode,
        unitAmount: p.unitAmount,
      }));
  const planList: Plan[] = rows.plans.map((p) => ({
    id: p.id,
    name: p.name,
    names: p.names as LocalNames,
    group: p.groupId,
    rank: p.rank,
    pricing: p.pricing,
    quantity: { min: p.minQuantity, max: p.maxQuantity },
    prices: pricesOf('plan', p.id),
    salesOnly: p.salesOnly,
    selfServiceChangeable: p.selfServiceChangeable,
    limits: p.limits as Limits,
    features: p.features as string[],
    needsManualProvisioning: p.needsManualProvisioning,
  }));
  const addOnList: AddOn[] = rows.addOns.map((a) => ({
    id: a.id,
    name: a.name,
    names: a.names as LocalNames,
    compatiblePlanIds: a.compatiblePlanIds as string[] | 'all',
    quantity: { min: a.minQuantity, max: a.maxQuantity },
    prices: pricesOf('add_on', a.id),
    limits: a.limits as Limits,
    limitIncrements: a.limitIncrements as Record<string, number>,
    features: a.features as string[],
    needsManualProvisioning: a.needsManualProvisioning,
  }));
  const groups = rows.groups.map((g) => ({ ...g, names: g.names as LocalNames }));
  const catalog: Catalog = {
    version: head.version,
    plans: planList,
    addOns: addOnList,
    policies: head.policies as CatalogPolicies,
  };
  return { id: head.id, name: head.name, groups, catalog };
}

/** The rows of a catalog, in the order its plans and add-ons were listed. */
export function catalogRows({ id, name, groups, catalog }: CatalogRecord) {
  const priceRow = (type: 'plan' | 'add_on', productId: string, price: Price) => ({
    catalogId: id,
    id: price.id,
    productType: type,
    productId,
    intervalUnit: price.interval.unit,
    intervalCount: price.interval.count,
    currency: price.currency,
    unitAmount: price.unitAmount,
  });
  return {
    catalog: { id, name, version: catalog.version, policies: catalog.policies },
    groups: groups.map((g) => ({ catalogId: id, id: g.id, name: g.name, names: g.names ?? {} })),
    plans: catalog.plans.map((p, position) => ({
      catalogId: id,
      id: p.id,
      name: p.name,
      names: p.names ?? {},
      groupId: p.group,
      rank: p.rank,
      pricing: p.pricing,
      minQuantity: p.quantity.min,
      maxQuantity: p.quantity.max,
      salesOnly: p.salesOnly,
      selfServiceChangeable: p.selfServiceChangeable,
      needsManualProvisioning: p.needsManualProvisioning,
      limits: p.limits,
      features: p.features,
      position,
    })),
    addOns: catalog.addOns.map((a, position) => ({
      catalogId: id,
      id: a.id,
      name: a.name,
      names: a.names ?? {},
      compatiblePlanIds: a.compatiblePlanIds,
      minQuantity: a.quantity.min,
      maxQuantity: a.quantity.max,
      limits: a.limits,
      limitIncrements: a.limitIncrements,
      features: a.features,
      needsManualProvisioning: a.needsManualProvisioning,
      position,
    })),
    prices: [
      ...catalog.plans.flatMap((p) => p.prices.map((price) => priceRow('plan', p.id, price))),
      ...catalog.addOns.flatMap((a) => a.prices.map((price) => priceRow('add_on', a.id, price))),
    ],
  };
}
