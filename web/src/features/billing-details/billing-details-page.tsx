import type { BillingDetailsView } from '@planshift/shared/api';
import { isCountryCode, vatSchemeOf } from '@planshift/shared/billing-details';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBillingDetails } from '../../api/billing-details';
import { type FieldIssue, fieldIssues } from '../../api/field-issues';
import { paths } from '../../config/paths';
import { countryName, countryOptions } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import { failureMessage } from '../../i18n/reasons';
import { QueryStatus } from '../../ui/query-status';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSaveBillingDetails } from './api/save-billing-details';
import { bodyOf, type Draft, draftOf, TEXT_FIELDS } from './billing-details-form';

/** The billing details page: name, address, country, VAT or tax ID and billing e-mail for new documents. */
export function BillingDetailsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('billingDetails.title'));
  const query = useBillingDetails();
  return (
    <div className="account">
      <h1>{t('billingDetails.title')}</h1>
      <p>{t('billingDetails.intro')}</p>
      <QueryStatus query={query} />
      {query.data && !query.data.canEdit && (
        <section className="card">
          <p>{t('billingDetails.card.askAdmin')}</p>
          <Link to={paths.account}>{t('billingDetails.backToAccount')}</Link>
        </section>
      )}
      {query.data?.canEdit && <BillingDetailsForm view={query.data} />}
    </div>
  );
}

function BillingDetailsForm({ view }: Readonly<{ view: BillingDetailsView }>) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const save = useSaveBillingDetails();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view.billingDetails));
  const [saved, setSaved] = useState(false);
  const formId = useId();
  const id = (path: string) => fieldId(formId, path);
  const statusRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const countries = useMemo(
    () => countryOptions(locale).map((country) => ({ value: country.code, label: country.name })),
    [locale],
  );
  const issues = fieldIssues(save.error);
  const vat = vatSchemeOf(draft.country);

  // A refused save puts the focus on the first field at fault (or on the alert); a saved one on the status.
  useEffect(() => {
    if (!save.error) return;
    const found = fieldIssues(save.error);
    const first = FIELD_ORDER.find((path) => found.has(path));
    const target = first ? document.getElementById(fieldId(formId, first)) : alertRef.current;
    target?.focus();
  }, [save.error, formId]);

  // Focused once it shows (an empty status is not displayed, so it cannot take the focus before).
  useEffect(() => {
    if (saved) statusRef.current?.focus();
  }, [saved]);

  const change = (path: keyof Draft, value: string) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [path]: value }));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(bodyOf(draft), {
      onSuccess: (answer) => {
        setDraft(draftOf(answer.billingDetails));
        setSaved(true);
      },
    });
  };
  const problem = (path: string, max?: number) => {
    const issue = issues.get(path);
    return issue && issueMessage(t, issue, { max, country: countryName(locale, draft.country), example: vat?.example });
  };

  return (
    <form className="card form" noValidate onSubmit={onSubmit} aria-label={t('billingDetails.title')}>
      <div ref={statusRef} tabIndex={-1} role="status" className="live-notice">
        {saved && (
          <div className="notice notice-success">
            <p>{t('billingDetails.saved')}</p>
            <Link to={paths.account}>{t('billingDetails.backToAccount')}</Link>
          </div>
        )}
      </div>
      {save.isError && (
        <div ref={alertRef} tabIndex={-1} className="notice notice-error" role="alert">
          <p>{issues.size > 0 ? t('billingDetails.notSaved') : failureMessage(t, save.error)}</p>
        </div>
      )}
      {TEXT_FIELDS.filter((f) => f.path === 'name').map(textInput)}
      <fieldset className="fieldset">
        <legend>{t('billingDetails.fields.address')}</legend>
        {TEXT_FIELDS.filter((f) => f.path !== 'name').map(textInput)}
        <SelectField
          id={id('address.country')}
          label={t('billingDetails.fields.country')}
          error={problem('address.country')}
          name="country"
          autoComplete="country"
          value={draft.country}
          options={countries}
          onChange={(value) => {
            if (isCountryCode(value)) change('country', value);
          }}
        />
      </fieldset>
      <TextField
        id={id('taxId')}
        label={t('billingDetails.fields.taxId')}
        hint={
          vat
            ? t('billingDetails.hints.vat', { country: countryName(locale, draft.country), example: vat.example })
            : t('billingDetails.hints.taxId')
        }
        error={problem('taxId', 40)}
        name="taxId"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={draft.taxId}
        onChange={(value) => change('taxId', value)}
      />
      <TextField
        id={id('email')}
        label={t('billingDetails.fields.email')}
        hint={t('billingDetails.hints.email')}
        error={problem('email', 254)}
        name="email"
        type="email"
        autoComplete="email"
        value={draft.email}
        onChange={(value) => change('email', value)}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('billingDetails.saving') : t('billingDetails.save')}
        </button>
        <Link to={paths.account}>{t('billingDetails.backToAccount')}</Link>
      </div>
    </form>
  );

  // A function, not a component: a component declared here would be a new type on every render,
  // and React would replace its input (and lose the focus) on each keystroke.
  function textInput(field: (typeof TEXT_FIELDS)[number]) {
    return (
      <TextField
        key={field.path}
        id={id(field.path)}
        label={t(`billingDetails.fields.${field.label}`)}
        hint={field.optional ? t('billingDetails.hints.optional') : undefined}
        error={problem(field.path, field.max)}
        name={field.path}
        type="text"
        autoComplete={field.autoComplete}
        value={draft[field.path]}
        onChange={(value) => change(field.path, value)}
      />
    );
  }
}

/** The fields in the order they are shown: the first at fault takes the focus. */
const FIELD_ORDER = [...TEXT_FIELDS.map((f) => f.path), 'address.country', 'taxId', 'email'];

const fieldId = (formId: string, path: string) => `${formId}-${path.replace('.', '-')}`;

/** A field's problem in the reader's words: each code of the API a form can meet has its sentence. */
function issueMessage(
  t: TFunction,
  issue: FieldIssue,
  context: Readonly<{ max: number | undefined; country: string; example: string | undefined }>,
): string {
  switch (issue.code) {
    case 'too_small':
      return t('billingDetails.errors.required');
    case 'too_big':
      return t('billingDetails.errors.tooLong', { max: context.max ?? 0 });
    case 'invalid_format':
      return t('billingDetails.errors.email');
    case 'invalid_value':
      return t('billingDetails.errors.country');
    case 'tax_id_invalid':
      return context.example
        ? t('billingDetails.errors.vatNumber', { country: context.country, example: context.example })
        : t('billingDetails.errors.taxId');
    default:
      return t(`errors.codes.${issue.code}`);
  }
}
