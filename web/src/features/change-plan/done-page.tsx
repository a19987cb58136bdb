import type { ConfirmationView, IssuedDocumentView } from '@planshift/shared/api';
import { sameEntitlements } from '@planshift/shared/catalog';
import { type DocumentKind, shownAmount } from '@planshift/shared/documents';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiFailure } from '../../api/api-failure';
import { documentPdfUrl } from '../../api/client';
import { paths } from '../../config/paths';
import { useFormat } from '../../i18n/format';
import { ChangeList } from '../../ui/change-list';
import { ErrorNotice } from '../../ui/error-notice';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { changePlanKeys, useOptions } from './api/change-plan';
import './change-plan.css';
import { type CatalogNames, useCatalogNames } from '../../domain-text/catalog-names';
import { keptConfirmation } from './kept-answers';
import { LimitsList } from './limits-list';

/** The confirmation answer, from the query cache (just confirmed) or sessionStorage (after a reload). */
function useConfirmation(changeId: string) {
  return useQuery({
    queryKey: changePlanKeys.confirmation(changeId),
    queryFn: (): ConfirmationView => {
      const kept = keptConfirmation(changeId);
      if (!kept) throw new ApiFailure(404, { code: 'not_found', message: 'No such confirmed change.', field: null });
      return kept;
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** A document issued, with its total signed as it adds up: a credit note's is a credit, negative. */
function DocumentLink({ label, kind, doc }: Readonly<{ label: string; kind: DocumentKind; doc: IssuedDocumentView }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = format.money(shownAmount(kind, doc.total));
  return (
    <li>
      <span>{t('changePlan.done.document', { label, number: doc.number, total })}</span>{' '}
      <a href={documentPdfUrl(doc.id)} download>
        {t('changePlan.done.downloadPdf', { label, number: doc.number })}
      </a>
    </li>
  );
}

/** The documents section's heading: it names the documents actually issued. */
function documentsHeading(t: TFunction, documents: ConfirmationView['documents']): string {
  if (documents.invoice && documents.creditNote) return t('changePlan.done.documentsHeading');
  if (documents.invoice) return t('changeResult.invoiceHeading');
  if (documents.creditNote) return t('changeResult.creditNoteHeading');
  return t('changeResult.noDocumentsHeading');
}

/** The result (product.md §1.7): what changed now, what is scheduled and when, the documents, the new limits. */
export function DonePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('changePlan.done.title'));
  const { changeId = '' } = useParams();
  const confirmation = useConfirmation(changeId);
  const options = useOptions();
  const names = useCatalogNames(options.data?.catalog);

  if (confirmation.isPending || options.isPending) return <Loading />;
  if (confirmation.isError) {
    return (
      <div className="change-plan">
        <h1>{t('changePlan.done.missingTitle')}</h1>
        <p>{t('changePlan.done.missing')}</p>
        <p>
          <Link to={paths.account}>{t('changePlan.back')}</Link>
        </p>
      </div>
    );
  }
  if (!names) return <ErrorNotice error={options.error} onRetry={() => void options.refetch()} />;
  return <Result confirmation={confirmation.data} names={names} />;
}

function Result({ confirmation, names }: Readonly<{ confirmation: ConfirmationView; names: CatalogNames }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = { now: useId(), scheduled: useId(), documents: useId(), limits: useId(), provisioning: useId() };
  const { documents, scheduled, creditBalance, nextBill, entitlements } = confirmation;
  const pending = confirmation.provisioning === 'pending';

  // A new page: the focus starts at its heading, which says what happened.
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="change-plan change-done">
      <h1 ref={heading} tabIndex={-1}>
        {t('changePlan.done.title')}
      </h1>
      {pending && (
        <section className="banner banner-info" aria-labelledby={ids.provisioning}>
          <h2 id={ids.provisioning}>{t('changePlan.done.provisioningHeading')}</h2>
          <p>{t('changePlan.done.provisioning')}</p>
        </section>
      )}
      <section className="card" aria-labelledby={ids.now}>
        <h2 id={ids.now}>{t('changePlan.done.nowHeading')}</h2>
        {confirmation.appliedNow.length === 0 ? (
          <p>{t('changePlan.done.nothingNow')}</p>
        ) : (
          <ChangeList changes={confirmation.appliedNow} names={names} />
        )}
        <p>
          {confirmation.charged.amount > 0
            ? t('changePlan.done.charged', { amount: format.money(confirmation.charged) })
            : t('changePlan.done.notCharged')}
        </p>
        {(creditBalance.before.amount > 0 || creditBalance.after.amount > 0) && (
          <p>{t('changePlan.done.creditBalance', { amount: format.money(creditBalance.after) })}</p>
        )}
        {confirmation.replacedPendingChange && (
          <p>
            {confirmation.replacedPendingChange.kind === 'cancellation'
              ? t('cancellation.replacedOnDone')
              : t('changePlan.done.replaced', { date: format.date(confirmation.replacedPendingChange.effectiveAt) })}
          </p>
        )}
      </section>
      {scheduled && (
        <section className="card" aria-labelledby={ids.scheduled}>
          <h2 id={ids.scheduled}>
            {t('changePlan.done.scheduledHeading', { date: format.date(scheduled.effectiveAt) })}
          </h2>
          <ChangeList changes={scheduled.changes} names={names} />
          <p>{t('changePlan.done.scheduledNote', { date: format.date(scheduled.effectiveAt) })}</p>
        </section>
      )}
      <section className="card" aria-labelledby={ids.documents}>
        <h2 id={ids.documents}>{documentsHeading(t, documents)}</h2>
        {documents.invoice || documents.creditNote ? (
          <ul className="plain-list document-links">
            {documents.invoice && (
              <DocumentLink label={t('changePlan.done.invoice')} kind="invoice" doc={documents.invoice} />
            )}
            {documents.creditNote && (
              <DocumentLink label={t('changePlan.done.creditNote')} kind="credit_note" doc={documents.creditNote} />
            )}
          </ul>
        ) : (
          <p>{t('changePlan.done.noDocuments')}</p>
        )}
        <p>
          {t('changePlan.done.nextBill', {
            amount: format.money(nextBill.amountDue),
            date: format.date(nextBill.date),
          })}
        </p>
      </section>
      <section className="card" aria-labelledby={ids.limits}>
        <h2 id={ids.limits}>{pending ? t('changePlan.done.limitsAfterSetup') : t('changePlan.done.limitsHeading')}</h2>
        <LimitsList entitlements={entitlements.fromNow} />
        {scheduled &&
          entitlements.afterScheduled &&
          // Limits that stay the same are shown once, and said to stay.
          (sameEntitlements(entitlements.fromNow, entitlements.afterScheduled) ? (
            <p>{t('changeResult.limitsStay', { date: format.date(scheduled.effectiveAt) })}</p>
          ) : (
            <>
              <h3>{t('changePlan.done.limitsFrom', { date: format.date(scheduled.effectiveAt) })}</h3>
              <LimitsList entitlements={entitlements.afterScheduled} />
            </>
          ))}
      </section>
      <p>
        <Link className="button button-primary" to={paths.account}>
          {t('changePlan.back')}
        </Link>
      </p>
    </div>
  );
}
