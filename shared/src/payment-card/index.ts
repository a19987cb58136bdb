export { CARD_BRANDS, type CardBrand, cardBrand, cvcLength } from './card-brand';
export { type AddPaymentMethodRequest, addPaymentMethodSchema, cardBrandSchema } from './card-schema';
export { type CardCheck, type CardInput, type CardProblem, type CheckedCard, checkCard } from './check-card';
export { passesLuhn } from './luhn';
