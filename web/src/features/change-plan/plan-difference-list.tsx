import type { PlanDifference } from '@planshift/shared/catalog';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { featureLabel, limitLabel } from '../../i18n/labels';

/**
 * What sets a plan apart: each limit (with the current plan's value where it differs), the
 * features it adds over the current plan and those it goes without; on the current plan's card,
 * the features not every plan has.
 */
export function PlanDifferenceList({
  difference,
  current,
}: Readonly<{ difference: PlanDifference; current: boolean }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = (limit: number | null) => (limit === null ? t('entitlements.unlimited') : format.number(limit));
  const features = (ids: readonly string[]) =>
    new Intl.ListFormat(format.locale, { type: 'conjunction' }).format(ids.map((id) => featureLabel(t, id)));
  const lines = [
    ...difference.limits.map((limit) => ({
      key: `limit:${limit.id}`,
      className: current ? undefined : `limit-${limit.comparison}`,
      text:
        current || limit.comparison === 'same' || limit.current === undefined
          ? t('changePlan.plan.limit', { name: limitLabel(t, limit.id), value: value(limit.value) })
          : t('planCard.limitAgainstCurrent', {
              name: limitLabel(t, limit.id),
              value: value(limit.value),
              current: value(limit.current),
            }),
    })),
    current &&
      difference.own.length > 0 && { key: 'own', text: t('planCard.includes', { features: features(difference.own) }) },
    !current &&
      difference.adds.length > 0 && {
        key: 'adds',
        className: 'limit-more',
        text: t('planCard.adds', { features: features(difference.adds) }),
      },
    !current &&
      difference.lacks.length > 0 && {
        key: 'lacks',
        className: 'limit-less',
        text: t('planCard.lacks', { features: features(difference.lacks) }),
      },
  ].filter((line): line is { key: string; className?: string; text: string } => Boolean(line));
  if (lines.length === 0) return null;
  return (
    <ul className="plan-limits">
      {lines.map((line) => (
        <li key={line.key} className={line.className}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}
