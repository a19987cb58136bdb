import type { Entitlements } from '@planshift/shared/catalog';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EntitlementsList } from '../../ui/entitlements-list';

/** A change a person still has to provision: the old limits hold until then; these come after. */
export function ProvisioningNotice({ coming }: Readonly<{ coming: Entitlements | null }>) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="banner banner-info" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.provisioning.heading')}</h2>
      <p>{t('account.provisioning.body')}</p>
      {coming && (
        <>
          <h3>{t('account.provisioning.coming')}</h3>
          <EntitlementsList entitlements={coming} headingLevel={4} />
        </>
      )}
    </section>
  );
}
