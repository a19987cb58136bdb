import type { Entitlements } from '@planshift/shared/catalog';
import { useTranslation } from 'react-i18next';
import { featureLabel } from '../../i18n/labels';
import { LimitTerms } from '../../ui/entitlements-list';

/** Limits (null = unlimited) and features, in words: what a change gives. */
export function LimitsList({ entitlements }: Readonly<{ entitlements: Entitlements }>) {
  const { t } = useTranslation();
  const limits = Object.entries(entitlements.limits);
  return (
    <div className="limits-grid">
      {limits.length > 0 && <LimitTerms limits={entitlements.limits} />}
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
