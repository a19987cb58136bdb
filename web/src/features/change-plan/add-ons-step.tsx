import type { AddOnOption } from '@planshift/shared/eligibility';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cycleName, perCycle } from '../../domain-text/describe-change';
import { useFormat } from '../../i18n/format';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useChangeFlow } from './change-flow-context';
import { FieldProblems } from './field-problems';
import { optionsFor } from './plan-options';
import { quoteProblem } from './quote-problem';
import { StepActions } from './step-actions';

function AddOnRow({ option }: Readonly<{ option: AddOnOption }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = { box: useId(), detail: useId(), quantity: useId(), error: useId() };
  const { selection, select, names, live, request, dropped } = useChangeFlow();
  // One the chosen plan cannot have is left out of the request: it shows unticked, with the reason.
  const wanted = dropped.includes(option.addOnId)
    ? undefined
    : selection.addOns.find((held) => held.addOnId === option.addOnId);
  const index = request.addOns.findIndex((held) => held.addOnId === option.addOnId);
  const problems = live.ok
    ? []
    : live.errors.filter((problem) => index >= 0 && problem.field?.startsWith(`addOns.${index}.`));
  const name = names.addOn(option.addOnId);
  const countable = option.quantity.max > 1;

  const toggle = (on: boolean) => {
    const rest = selection.addOns.filter((held) => held.addOnId !== option.addOnId);
    const quantity = String(Math.max(option.heldQuantity, option.quantity.min));
    select({ addOns: on ? [...rest, { addOnId: option.addOnId, quantity }] : rest }, { replace: true });
  };
  const setQuantity = (quantity: string) =>
    select(
      { addOns: selection.addOns.map((held) => (held.addOnId === option.addOnId ? { ...held, quantity } : held)) },
      { replace: true },
    );

  const details = [
    option.unitPrice && perCycle(t, format.money(option.unitPrice), selection.interval),
    option.heldQuantity > 0 && t('changePlan.addOns.held', { count: option.heldQuantity }),
    countable && t('changePlan.addOns.range', { min: option.quantity.min, max: option.quantity.max }),
    !option.availability.ok && quoteProblem(t, names, { ...option.availability, field: '' }, request),
  ].filter((detail): detail is string => typeof detail === 'string');

  return (
    <li className={option.availability.ok ? 'add-on' : 'add-on add-on-unavailable'}>
      <div className="add-on-choice">
        <input
          id={ids.box}
          type="checkbox"
          checked={wanted !== undefined}
          // One that cannot be had stays un-tickable, but one already ticked can always be unticked.
          disabled={!option.availability.ok && wanted === undefined}
          aria-describedby={ids.detail}
          onChange={(event) => toggle(event.target.checked)}
        />
        <label htmlFor={ids.box}>{name}</label>
      </div>
      <p id={ids.detail} className="plan-detail">
        {details.map((detail) => (
          <span key={detail} className="detail-part">
            {detail}
          </span>
        ))}
      </p>
      {wanted && countable && (
        <div className="field add-on-quantity">
          <label htmlFor={ids.quantity}>
            {t('changePlan.addOns.quantity')}
            <span className="visually-hidden"> {name}</span>
          </label>
          <input
            id={ids.quantity}
            type="number"
            inputMode="numeric"
            min={option.quantity.min}
            max={option.quantity.max}
            step={1}
            value={wanted.quantity}
            aria-invalid={problems.length > 0 || undefined}
            aria-describedby={problems.length > 0 ? ids.error : undefined}
            onChange={(event) => setQuantity(event.target.value)}
          />
        </div>
      )}
      <FieldProblems id={ids.error} problems={problems} />
    </li>
  );
}

/** Step 3: the add-ons, services and packages the selected plan can have, with quantities; no plan change needed. */
export function AddOnsStep() {
  const { t } = useTranslation();
  useDocumentTitle(t('changePlan.stepTitle', { step: t('changePlan.steps.addOns') }));
  const format = useFormat();
  const { options, selection, names, dropped } = useChangeFlow();
  const headingId = useId();
  const choices = useMemo(() => optionsFor(options, selection), [options, selection]);
  const heldDropped = dropped.filter((id) => options.subscription.addOns.some((held) => held.addOnId === id));

  return (
    <section aria-labelledby={headingId} className="change-step">
      <h2 id={headingId} tabIndex={-1}>
        {t('changePlan.addOns.heading')}
      </h2>
      <p>
        {t('changePlan.addOns.intro', {
          plan: names.plan(selection.planId),
          cycle: cycleName(t, selection.interval).toLocaleLowerCase(),
        })}
      </p>
      {heldDropped.length > 0 && (
        <p className="notice notice-warning">
          {t('changePlan.addOns.dropped', {
            names: new Intl.ListFormat(format.locale).format(heldDropped.map(names.addOn)),
            plan: names.plan(selection.planId),
            count: heldDropped.length,
          })}
        </p>
      )}
      {choices.addOns.length === 0 ? (
        <p>{t('changePlan.addOns.none')}</p>
      ) : (
        <fieldset className="add-on-fieldset">
          <legend className="visually-hidden">{t('changePlan.addOns.heading')}</legend>
          <ul className="add-on-list">
            {choices.addOns.map((option) => (
              <AddOnRow key={option.addOnId} option={option} />
            ))}
          </ul>
        </fieldset>
      )}
      <StepActions step="add-ons" />
    </section>
  );
}
