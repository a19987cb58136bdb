import type { Entitlements } from '@planshift/shared/catalog';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { featureLabel, limitLabel } from '../i18n/labels';

/** Limits (null = unlimited) as terms and values, in words. */
export function LimitTerms({ limits }: Readonly<{ limits: Entitlements['limits'] }>) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="limits">
      {Object.entries(limits).map(([id, value]) => (
        <div key={id}>
          <dt>{limitLabel(t, id)}</dt>
          <dd>{value === null ? t('entitlements.unlimited') : format.number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A plan's limits (null = unlimited) and features, in words. */
export function EntitlementsList({
  entitlements,
  headingLevel,
}: Readonly<{ entitlements: Entitlements; headingLevel: 3 | 4 }>) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const limits = Object.entries(entitlements.limits);
  return (
    <div className="entitlements">
      <div>
        <Heading>{t('entitlements.limitsHeading')}</Heading>
        {limits.length === 0 ? <p>{t('entitlements.none')}</p> : <LimitTerms limits={entitlements.limits} />}
      </div>
      <div>
        <Heading>{t('entitlements.featuresHeading')}</Heading>
        {entitlements.features.length === 0 ? (
          <p>{t('entitlements.none')}</p>
        ) : (
          <ul className="features">
            {entitlements.features.map((id) => (
              <li key={id}>{featureLabel(t, id)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
