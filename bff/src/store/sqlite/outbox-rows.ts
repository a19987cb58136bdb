import { itemNames } from '@planshift/shared/catalog';
import type { Instant } from '@planshift/shared/periods';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { ConfirmedChangeSummary, OutboxRecord } from '../records';
import type { CatalogCache } from './catalog-rows';
import type { Conn } from './connection';

/** Unsent e-mails whose next attempt is due, oldest first. */
export function readDueEmails(db: Conn, now: Instant, limit: number): OutboxRecord[] {
  return db
    .select({
      id: t.outbox.id,
      accountId: t.outbox.accountId,
      kind: t.outbox.kind,
      recipient: t.outbox.recipient,
      payload: t.outbox.payload,
      attempts: t.outbox.attempts,
      createdAt: t.outbox.createdAt,
    })
    .from(t.outbox)
    .where(and(isNull(t.outbox.sentAt), lte(t.outbox.nextAttemptAt, now)))
    .orderBy(asc(t.outbox.nextAttemptAt), asc(t.outbox.createdAt))
    .limit(limit)
    .all();
}

export function markEmailSent(db: Conn, id: string, at: Instant): void {
  db.update(t.outbox)
    .set({ sentAt: at })
    .where(and(eq(t.outbox.id, id), isNull(t.outbox.sentAt)))
    .run();
}

export function markEmailFailed(db: Conn, id: string, attempts: number, nextAttemptAt: Instant, error: string): void {
  db.update(t.outbox)
    .set({ attempts, nextAttemptAt, lastError: error.slice(0, 1000) })
    .where(and(eq(t.outbox.id, id), isNull(t.outbox.sentAt)))
    .run();
}

/** A confirmed change as its e-mails describe it, with the names its catalog gives the items. */
export function readChangeSummary(
  db: Conn,
  catalogs: CatalogCache,
  accountId: string,
  changeId: string,
): ConfirmedChangeSummary | null {
  const row = db
    .select({
      confirmedAt: t.confirmedChanges.confirmedAt,
      appliedNow: t.confirmedChanges.appliedNow,
      provisioning: t.confirmedChanges.provisioning,
      effectiveAt: t.scheduledChanges.effectiveAt,
      changes: t.scheduledChanges.changes,
      catalogId: t.accounts.catalogId,
    })
    .from(t.confirmedChanges)
    .innerJoin(t.accounts, eq(t.accounts.id, t.confirmedChanges.accountId))
    .leftJoin(t.scheduledChanges, eq(t.scheduledChanges.id, t.confirmedChanges.scheduledChangeId))
    .where(and(eq(t.confirmedChanges.id, changeId), eq(t.confirmedChanges.accountId, accountId)))
    .get();
  if (!row) return null;
  const catalog = catalogs.get(row.catalogId);
  return {
    confirmedAt: row.confirmedAt,
    appliedNow: row.appliedNow as ChangeDescriptor[],
    scheduled:
      row.effectiveAt === null ? null : { effectiveAt: row.effectiveAt, changes: row.changes as ChangeDescriptor[] },
    provisioning: row.provisioning,
    itemNames: catalog ? itemNames(catalog.catalog) : {},
  };
}
