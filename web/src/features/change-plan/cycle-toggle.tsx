import type { IntervalOption } from '@planshift/shared/eligibility';
import { intervalKey, sameInterval } from '@planshift/shared/periods';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cycleName, perCycle } from '../../domain-text/describe-change';
import { useFormat } from '../../i18n/format';
import { planUnavailableMessage } from '../../i18n/reasons';
import { useChangeFlow } from './change-flow-context';

/** Monthly or annual, each with the selected plan's price for the seats chosen and what paying yearly saves. */
export function CycleToggle({ intervals }: Readonly<{ intervals: readonly IntervalOption[] }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const { selection, select, names } = useChangeFlow();
  const name = useId();
  return (
    <fieldset className="cycle-toggle">
      <legend>{t('changePlan.cycle.legend')}</legend>
      <div className="cycle-options">
        {intervals.map((option) => {
          const key = intervalKey(option.interval);
          const id = `${name}-${key}`;
          const checked = sameInterval(option.interval, selection.interval);
          const price = option.price && perCycle(t, format.money(option.price), option.interval);
          const detail = !option.availability.ok
            ? planUnavailableMessage(t, option.availability, names.group)
            : price && option.savingVersusMonthly
              ? t('changePlan.cycle.saving', { price, amount: format.money(option.savingVersusMonthly) })
              : price;
          return (
            <div key={key} className={checked ? 'cycle-option cycle-option-checked' : 'cycle-option'}>
              <input
                id={id}
                type="radio"
                name={name}
                checked={checked}
                disabled={!option.availability.ok}
                aria-describedby={detail ? `${id}-detail` : undefined}
                onChange={() => select({ interval: option.interval }, { replace: true })}
              />
              <label htmlFor={id}>{cycleName(t, option.interval)}</label>
              {detail && (
                <span id={`${id}-detail`} className={option.savingVersusMonthly ? 'saving' : 'muted'}>
                  {detail}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
