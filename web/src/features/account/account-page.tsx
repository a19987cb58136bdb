import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { type AccountArrival, bankPagePath, paths } from '../../config/paths';
import { useFormat } from '../../i18n/format';
import { EntitlementsList } from '../../ui/entitlements-list';
import { ErrorNotice } from '../../ui/error-notice';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import {
  useAccount,
  useCancelScheduledChange,
  useDocuments,
  usePayInvoice,
  useResumeSubscription,
} from './api/account';
import { type BankReturn, useBankReturn } from './bank-return';
import { BillingDetailsCard } from './billing-details-card';
import { CancelAction } from './cancel-action';
import { CancellationBanner } from './cancellation-banner';
import { ChangeAction } from './change-action';
import { DocumentsTable } from './documents-table';
import { ProvisioningNotice } from './provisioning-notice';
import { ScheduledChangeBanner } from './scheduled-change-banner';
import { SubscriptionEnded } from './subscription-ended';
import { SubscriptionFacts } from './subscription-facts';
import { UnpaidInvoices } from './unpaid-invoices';
import { useResumedNotice } from './use-resumed-notice';

/** The account page (product.md §1): the subscription as it is, what is due, what is scheduled, and Change. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const account = useAccount();
  const documents = useDocuments();
  // Both mutations live here: the banner and the invoice they act on disappear once they succeed.
  const pay = usePayInvoice();
  const cancel = useCancelScheduledChange();
  const resume = useResumeSubscription();
  const resumedNotice = useResumedNotice();
  const format = useFormat();
  // Arriving from the cancel review: it says until when the subscription stays.
  const location = useLocation();
  const arrival = (location.state ?? {}) as AccountArrival;
  const [notice, setNotice] = useState(() =>
    arrival.cancelledUntil === undefined
      ? ''
      : t('cancellation.scheduled.done', { date: format.date(arrival.cancelledUntil) }),
  );
  const [bank, setBank] = useState<BankReturn | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = { summary: useId(), entitlements: useId() };
  const navigate = useNavigate();

  // The control that was used has gone: the page heading takes the focus, the notice says what happened.
  const done = (message: string) => {
    setNotice(message);
    heading.current?.focus();
  };
  // Said once: a reload (or Back) must not say it again after a resume.
  const arrivedWithNotice = arrival.cancelledUntil !== undefined;
  useEffect(() => {
    if (!arrivedWithNotice) return;
    heading.current?.focus();
    void navigate(location.pathname, { replace: true, state: null });
  }, [arrivedWithNotice, navigate, location.pathname]);
  // Back from the bank's page: the invoice paid, refused (with another card to try), or still waiting.
  useBankReturn(
    useCallback((outcome: BankReturn) => {
      setBank(outcome);
      heading.current?.focus();
    }, []),
  );

  if (account.isPending) return <Loading />;
  if (account.isError) return <ErrorNotice error={account.error} onRetry={() => void account.refetch()} />;

  const view = account.data;
  const unpaid = (documents.data ?? []).filter((doc) => doc.kind === 'invoice' && doc.status === 'unpaid');
  const numberOf = (invoiceId: string) => documents.data?.find((doc) => doc.id === invoiceId)?.number ?? '';
  const failed = pay.isError
    ? { id: pay.variables, error: pay.error }
    : bank?.kind === 'refused'
      ? { id: bank.invoiceId, error: bank.error }
      : null;
  return (
    <div className="account">
      <h1 ref={heading} tabIndex={-1}>
        {t('account.title')}
      </h1>
      <div className="live-notice" role="status">
        {notice && <p className="notice notice-success">{notice}</p>}
        {bank?.kind === 'paid' && (
          <p className="notice notice-success">{t('account.unpaid.paid', { number: numberOf(bank.invoiceId) })}</p>
        )}
        {bank?.kind === 'waiting' && (
          <p className="notice notice-warning">
            {t('paymentMethods.pay.waiting')}{' '}
            <Link to={bankPagePath(bank.challenge.url, location.pathname)}>{t('paymentMethods.pay.continue')}</Link>
          </p>
        )}
      </div>
      {view.scheduledChange && (
        <ScheduledChangeBanner
          account={view}
          scheduled={view.scheduledChange}
          cancel={{
            run: () => {
              setNotice('');
              cancel.mutate(undefined, { onSuccess: () => done(t('account.scheduled.canceled')) });
            },
            pending: cancel.isPending,
            error: cancel.error,
          }}
        />
      )}
      {view.cancellation?.status === 'scheduled' && (
        <CancellationBanner
          account={view}
          effectiveAt={view.cancellation.effectiveAt}
          resume={{
            run: () => {
              setNotice('');
              resume.mutate(undefined, { onSuccess: (resumed) => done(resumedNotice(view, resumed)) });
            },
            pending: resume.isPending,
            error: resume.error,
          }}
        />
      )}
      {view.subscription.status === 'canceled' && <SubscriptionEnded account={view} />}
      {view.provisioningPending && <ProvisioningNotice coming={view.entitlementsOnProvisioning} />}
      {(view.unpaidInvoices > 0 || unpaid.length > 0) && (
        <UnpaidInvoices
          count={Math.max(view.unpaidInvoices, unpaid.length)}
          invoices={unpaid}
          canPay={view.user.canManageBilling}
          card={view.account.paymentMethod}
          pay={{
            run: (invoiceId, settled) => {
              setNotice('');
              setBank(null);
              pay.mutate(invoiceId, {
                onSuccess: (answer) => {
                  // The card's bank asks the customer first: its page, then back here.
                  if ('challenge' in answer) navigate(bankPagePath(answer.challenge.url, paths.account));
                  else done(t('account.unpaid.paid', { number: answer.invoice.number }));
                },
                onSettled: settled,
              });
            },
            pendingId: pay.isPending ? pay.variables : null,
            failed,
          }}
        />
      )}
      <section className="card" aria-labelledby={ids.summary}>
        <div className="card-heading">
          <h2 id={ids.summary}>{t('account.summaryHeading')}</h2>
          {view.subscription.status !== 'canceled' && <ChangeAction account={view} />}
        </div>
        <SubscriptionFacts account={view} />
        <CancelAction account={view} />
      </section>
      <section className="card" aria-labelledby={ids.entitlements}>
        <h2 id={ids.entitlements}>{t('entitlements.heading')}</h2>
        <EntitlementsList entitlements={view.subscription.entitlements} headingLevel={3} />
      </section>
      <BillingDetailsCard />
      {documents.isError ? (
        <ErrorNotice error={documents.error} onRetry={() => void documents.refetch()} />
      ) : documents.data ? (
        <DocumentsTable documents={documents.data} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
