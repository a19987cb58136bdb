import type { Entitlements } from '@planshift/shared/catalog';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { featureLabel, limitLabel } from '../../i18n/labels';

/** Limits (null = unlimited) and features, in words: what a change gives. */
export function LimitsList({ entitlements }: Readonly<{ entitlements: Entitlements }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const limits = Object.entries(entitlements.limits);
  return (
    <div className="limits-grid">
      {limits.length > 0 && (
        <dl className="limits">
          {limits.map(([id, value]) => (
            <div key={id}>
              <dt>{limitLabel(t, id)}</dt>
              <dd>{value === null ? t('entitlements.unlimited') : format.number(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {entitlements.features.length > 0 && (
        <ul className="features" aria-label={t('entitlements.featuresHeading')}>
          {entitlements.features.map((id) => (
            <li key={id}>{featureLabel(t, id)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
