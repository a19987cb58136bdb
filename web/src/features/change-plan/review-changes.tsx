import type { Quote } from '@planshift/shared/quote';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ChangeList } from '../../ui/change-list';
import { useChangeFlow } from './change-flow-context';

/** On the review, every part of the change (plan, seats, cycle, add-ons): what applies now, and what on which date. */
export function ReviewChanges({ quote }: Readonly<{ quote: Quote }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const { names } = useChangeFlow();
  const headingId = useId();
  if (quote.appliedNow.length === 0 && !quote.scheduled) return null;
  return (
    <section className="review-changes" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('changeReview.changesHeading')}</h3>
      {quote.appliedNow.length > 0 && (
        <>
          <h4>{t('changePlan.summary.nowHeading')}</h4>
          <ChangeList changes={quote.appliedNow} names={names} />
        </>
      )}
      {quote.scheduled && (
        <>
          <h4>{t('changePlan.summary.scheduledHeading', { date: format.date(quote.scheduled.effectiveAt) })}</h4>
          <ChangeList changes={quote.scheduled.changes} names={names} />
        </>
      )}
    </section>
  );
}
