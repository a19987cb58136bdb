import type { SalesContactView } from '@planshift/shared/api';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiFailure } from '../../api/api-failure';
import { type FieldIssue, fieldIssues } from '../../api/field-issues';
import { paths, salesRequestSentPath } from '../../config/paths';
import { type Formatters, useFormat } from '../../i18n/format';
import { failureMessage } from '../../i18n/reasons';
import { QueryStatus } from '../../ui/query-status';
import { SelectField } from '../../ui/select-field';
import { TextAreaField } from '../../ui/text-area-field';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSalesContact, useSendSalesRequest } from './api/sales-requests';
import { usePlanName } from './use-plan-name';

/** "Contact sales": a short request about a plan sold through sales, with the contact pre-filled. */
export function ContactSalesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('contactSales.title'));
  const query = useSalesContact();
  const view = query.data;
  return (
    <div className="account">
      <h1>{t('contactSales.title')}</h1>
      <p>{t('contactSales.intro')}</p>
      <QueryStatus query={query} />
      {view && !view.canAsk && <p className="notice notice-warning">{t('contactSales.askAdmin')}</p>}
      {view?.canAsk && view.plans.length === 0 && <p className="notice notice-warning">{t('contactSales.noPlans')}</p>}
      {view?.canAsk && view.plans.length > 0 && <SalesRequestForm view={view} />}
      {view && view.requests.length > 0 && <RecentRequests view={view} />}
      <p>
        <Link to={paths.account}>{t('contactSales.backToAccount')}</Link>
      </p>
    </div>
  );
}

const FIELD_ORDER = ['planId', 'seats', 'message', 'contactName', 'contactEmail'] as const;
type Field = (typeof FIELD_ORDER)[number];
const LABEL_OF = {
  planId: 'plan',
  seats: 'seats',
  message: 'message',
  contactName: 'contactName',
  contactEmail: 'contactEmail',
} as const satisfies Record<Field, string>;
const fieldId = (formId: string, field: string) => `${formId}-${field}`;

function SalesRequestForm({ view }: Readonly<{ view: SalesContactView }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const send = useSendSalesRequest();
  const planName = usePlanName();
  const asked = view.plans.find((plan) => plan.id === params.get('plan')) ?? view.plans[0];
  const [planId, setPlanId] = useState(asked?.id ?? '');
  const plan = view.plans.find((p) => p.id === planId) ?? asked;
  const [seats, setSeats] = useState(String(asked?.suggestedSeats ?? 1));
  const [message, setMessage] = useState('');
  const [contactName, setContactName] = useState(view.contact.name);
  const [contactEmail, setContactEmail] = useState(view.contact.email);
  const formId = useId();
  const id = (field: string) => fieldId(formId, field);
  const alertRef = useRef<HTMLDivElement>(null);
  const issues = fieldIssues(send.error);

  // A refused request puts the focus on the first field at fault, or on the alert that says why.
  useEffect(() => {
    if (!send.error) return;
    const found = fieldIssues(send.error);
    const first = FIELD_ORDER.find((field) => found.has(field));
    ((first && document.getElementById(fieldId(formId, first))) || alertRef.current)?.focus();
  }, [send.error, formId]);

  if (!plan) return null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wanted = seats.trim() === '' ? 0 : Number(seats);
    send.mutate(
      { planId: plan.id, seats: wanted, message, contactName, contactEmail: contactEmail.trim() },
      {
        onSuccess: (sent) => navigate(salesRequestSentPath(sent.salesRequest.id), { state: { repeat: sent.repeat } }),
      },
    );
  };
  const problem = (field: Field) => {
    const issue = issues.get(field);
    return issue && issueMessage(t, field, issue);
  };
  /** What each field says of itself: its id (which takes the focus when it is at fault), name, label and problem. */
  const field = (name: Field) => ({
    id: id(name),
    name,
    label: t(`contactSales.fields.${LABEL_OF[name]}`),
    error: problem(name),
  });

  return (
    <form
      className="card form"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('contactSales.formLabel', { plan: planName(plan) })}
    >
      {send.isError && (
        <div ref={alertRef} tabIndex={-1} className="notice notice-error" role="alert">
          <p>{alertMessage(t, format, send.error, issues.size > 0)}</p>
        </div>
      )}
      {view.plans.length > 1 ? (
        <SelectField
          {...field('planId')}
          value={plan.id}
          options={view.plans.map((p) => ({ value: p.id, label: planName(p) }))}
          onChange={(value) => {
            const next = view.plans.find((p) => p.id === value);
            if (!next) return;
            setPlanId(next.id);
            setSeats(String(next.suggestedSeats));
          }}
        />
      ) : (
        <div className="field">
          <p className="fact-main">{t('contactSales.aboutPlan', { plan: planName(plan) })}</p>
          {problem('planId') && <p className="field-error">{problem('planId')}</p>}
        </div>
      )}
      <TextField
        {...field('seats')}
        hint={t('contactSales.hints.seats', { plan: planName(plan), min: plan.quantity.min, max: plan.quantity.max })}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        autoComplete="off"
        value={seats}
        onChange={setSeats}
      />
      <TextAreaField
        {...field('message')}
        hint={t('contactSales.hints.message')}
        rows={5}
        value={message}
        onChange={setMessage}
      />
      <div className="form-row">
        <TextField
          {...field('contactName')}
          type="text"
          autoComplete="name"
          value={contactName}
          onChange={setContactName}
        />
        <TextField
          {...field('contactEmail')}
          hint={t('contactSales.hints.contactEmail')}
          type="email"
          autoComplete="email"
          value={contactEmail}
          onChange={setContactEmail}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={send.isPending}>
          {send.isPending ? t('contactSales.sending') : t('contactSales.send')}
        </button>
      </div>
    </form>
  );
}

function RecentRequests({ view }: Readonly<{ view: SalesContactView }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const planName = usePlanName();
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('contactSales.recent')}</h2>
      <ul className="plain-list">
        {view.requests.map((request) => (
          <li key={request.id}>
            {t('contactSales.recentItem', {
              plan: planName(request.plan),
              seats: request.seats,
              date: format.date(request.createdAt),
              name: request.contactName,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Why the request was not sent: the fields at fault, the limit with when to try again, or the failure. */
function alertMessage(t: TFunction, format: Formatters, error: unknown, fieldsAtFault: boolean): string {
  if (isApiFailure(error, 'too_many_sales_requests')) {
    const retryAt = Number((error.details as { retryAt?: unknown } | undefined)?.retryAt);
    if (Number.isFinite(retryAt)) {
      return t('contactSales.tooMany', { date: format.date(retryAt), time: format.time(retryAt) });
    }
  }
  return fieldsAtFault ? t('contactSales.notSent') : failureMessage(t, error);
}

/** A field's problem in the reader's words. */
function issueMessage(t: TFunction, field: string, issue: FieldIssue): string {
  if (field === 'seats') return t('contactSales.errors.seats');
  if (field === 'contactEmail') return t('contactSales.errors.email');
  switch (issue.code) {
    case 'too_small':
      return t('contactSales.errors.required');
    case 'too_big':
      return t('contactSales.errors.tooLong', { max: field === 'message' ? 2000 : 120 });
    default:
      return t(`errors.codes.${issue.code}`);
  }
}
