import type { CancellationView, ResumeView } from '@planshift/shared/api';
import type { CancellationRecord, ScheduledChangeRecord } from '../store/records';

/** A cancellation as the API shows it, with the change it replaced (which Resume brings back). */
export function cancellationView(record: CancellationRecord): CancellationView {
  return {
    id: record.id,
    status: record.status === 'pending' ? 'scheduled' : 'ended',
    effectiveAt: record.effectiveAt,
    reason: record.reason,
    requestedAt: record.createdAt,
    replacedChange: record.replaced && scheduledChangeView(record.replaced),
  };
}

/** A scheduled change as the wire carries it: when, what it leads to, and each part. */
export function scheduledChangeView(record: ScheduledChangeRecord): NonNullable<ResumeView['restoredChange']> {
  return { id: record.id, effectiveAt: record.effectiveAt, target: record.target, changes: record.changes };
}
