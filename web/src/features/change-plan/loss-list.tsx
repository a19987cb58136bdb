import { type Losses, losesNothing, quoteLosses } from '@planshift/shared/quote';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { featureLabel, limitLabel } from '../../i18n/labels';
import { useChangeFlow } from './change-flow-context';

function LossItems({ losses }: Readonly<{ losses: Losses }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const { names } = useChangeFlow();
  const value = (limit: number | null) => (limit === null ? t('entitlements.unlimited') : format.number(limit));
  return (
    <ul className="plain-list">
      {losses.limits.map((limit) => (
        <li key={`limit:${limit.id}`}>
          {limit.to === 'removed'
            ? t('changeReview.noLongerIncluded', { name: limitLabel(t, limit.id) })
            : t('changeReview.limitLowered', {
                name: limitLabel(t, limit.id),
                from: value(limit.from),
                to: value(limit.to),
              })}
        </li>
      ))}
      {losses.features.map((feature) => (
        <li key={`feature:${feature}`}>{t('changeReview.noLongerIncluded', { name: featureLabel(t, feature) })}</li>
      ))}
      {losses.addOns.map((addOn) => (
        <li key={`add-on:${addOn.addOnId}`}>
          {addOn.to === 0
            ? t('changePlan.changes.addOnRemoved', { name: names.addOn(addOn.addOnId) })
            : t('changePlan.changes.addOn', { name: names.addOn(addOn.addOnId), from: addOn.from, to: addOn.to })}
        </li>
      ))}
    </ul>
  );
}

/**
 * What confirming takes away (limits lowered, features and add-ons removed), now and at the
 * scheduled date, so a downgrade is never a surprise; nothing when nothing is lost.
 */
export function LossList() {
  const { t } = useTranslation();
  const format = useFormat();
  const { options, live } = useChangeFlow();
  const headingId = useId();
  const losses = useMemo(
    () => (live.ok ? quoteLosses(options.catalog, options.subscription, live.quote) : null),
    [options, live],
  );
  if (!losses) return null;
  const now = losesNothing(losses.now) ? null : losses.now;
  const later = losses.scheduled && !losesNothing(losses.scheduled.losses) ? losses.scheduled : null;
  if (!now && !later) return null;
  return (
    <section className="notice notice-warning losses" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('changeReview.lossesHeading')}</h3>
      {now && (
        <>
          <h4>{t('changeReview.lossesNow')}</h4>
          <LossItems losses={now} />
        </>
      )}
      {later && (
        <>
          <h4>{t('changeReview.lossesOn', { date: format.date(later.effectiveAt) })}</h4>
          <LossItems losses={later.losses} />
        </>
      )}
    </section>
  );
}
