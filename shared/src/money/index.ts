export { CURRENCY_CODES, type CurrencyCode, isCurrencyCode, minorUnitExponent } from './currencies';
export { formatMoney, toDecimalString } from './format-money';
export {
  addMoney,
  equalMoney,
  type Money,
  minMoney,
  money,
  negateMoney,
  subtractMoney,
  sumMoney,
} from './money';
export { MoneyError, type MoneyErrorCode } from './money-error';
export { currencyCodeSchema, moneySchema } from './money-schema';
export { divideRoundHalfAwayFromZero, type Fraction, prorate } from './prorate';
