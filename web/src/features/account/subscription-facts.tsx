import type { AccountView } from '@planshift/shared/api';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useCatalogNames } from '../../domain-text/catalog-names';
import { cycleName, perCycle } from '../../domain-text/describe-change';
import { useFormat } from '../../i18n/format';
import { cardBrandLabel } from '../../i18n/labels';

function Fact({ term, children }: Readonly<{ term: string; children: React.ReactNode }>) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * How the price per cycle adds up, every part of it: the plan (seats × unit price) and each
 * add-on (quantity × unit price). Nothing to explain for a flat plan on its own.
 */
function PriceParts({
  parts,
  perSeat,
}: Readonly<{ parts: AccountView['subscription']['pricePerCycleParts']; perSeat: boolean }>) {
  const { t } = useTranslation();
  const format = useFormat();
  if (parts.length === 1 && !perSeat) return null;
  return (
    <ul className="fact-detail plain-list price-parts" aria-label={t('priceParts.label')}>
      {parts.map((part) => (
        <li key={`${part.type}:${part.id}`}>
          {part.type === 'plan'
            ? perSeat
              ? t('priceParts.planSeats', {
                  name: part.name,
                  count: part.quantity,
                  unit: format.money(part.unitAmount),
                  amount: format.money(part.amount),
                })
              : t('priceParts.planFlat', { name: part.name, amount: format.money(part.amount) })
            : t('priceParts.addOn', {
                name: part.name,
                count: part.quantity,
                unit: format.money(part.unitAmount),
                amount: format.money(part.amount),
              })}
        </li>
      ))}
    </ul>
  );
}

/** The account page's facts (product.md §1): plan, status, price, cycle, seats, add-ons, dates, card, credit. */
export function SubscriptionFacts({ account }: Readonly<{ account: AccountView }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useCatalogNames(account.catalogNames);
  const { subscription, account: billing } = account;
  const { plan, nextBill } = subscription;
  const perSeat = plan.pricing === 'per_seat';
  const card = billing.paymentMethod;
  return (
    <dl className="facts">
      <Fact term={t('account.facts.plan')}>
        <span className="fact-main">{names.plan(plan.id)}</span>
        {plan.group && (
          <span className="fact-detail">{t('account.facts.planGroup', { group: names.group(plan.group) })}</span>
        )}
      </Fact>
      <Fact term={t('account.facts.status')}>
        <span className={`badge badge-${subscription.status}`}>{t(`account.status.${subscription.status}`)}</span>
      </Fact>
      <Fact term={t('account.facts.price')}>
        <span className="fact-main">
          {perCycle(t, format.money(subscription.pricePerCycle), subscription.interval)}
        </span>
        <PriceParts parts={subscription.pricePerCycleParts} perSeat={perSeat} />
      </Fact>
      <Fact term={t('account.facts.cycle')}>{cycleName(t, subscription.interval)}</Fact>
      {perSeat && (
        <Fact term={t('account.facts.quantity')}>{t('account.seats', { count: subscription.quantity })}</Fact>
      )}
      <Fact term={t('account.facts.addOns')}>
        {subscription.addOns.length === 0 ? (
          t('account.noAddOns')
        ) : (
          <ul className="plain-list">
            {subscription.addOns.map((addOn) => (
              <li key={addOn.id}>{t('account.addOn', { name: names.addOn(addOn.id), count: addOn.quantity })}</li>
            ))}
          </ul>
        )}
      </Fact>
      <Fact term={t('account.facts.nextBill')}>
        {nextBill ? (
          <>
            <span className="fact-main">
              {t('account.nextBill', { amount: format.money(nextBill.amountDue), date: format.date(nextBill.date) })}
            </span>
            {nextBill.creditApplied.amount > 0 && (
              <span className="fact-detail">
                {t('account.nextBillCredit', { credit: format.money(nextBill.creditApplied) })}
              </span>
            )}
          </>
        ) : (
          t('account.noNextBill')
        )}
      </Fact>
      <Fact term={t('account.facts.signup')}>{format.date(subscription.signupAt)}</Fact>
      <Fact term={t('account.facts.paymentMethod')}>
        {card ? (
          <>
            <span className="fact-main">
              {t('account.card', { brand: cardBrandLabel(t, card.brand), last4: card.last4 })}
            </span>
            <span className="fact-detail">
              {t('account.cardExpiry', { date: format.monthYear(card.expYear, card.expMonth) })}
            </span>
          </>
        ) : (
          t('account.noPaymentMethod')
        )}
        <Link to={paths.paymentMethods} className="fact-link">
          {t('paymentMethods.manage')}
        </Link>
      </Fact>
      <Fact term={t('account.facts.credit')}>{format.money(billing.creditBalance)}</Fact>
    </dl>
  );
}
