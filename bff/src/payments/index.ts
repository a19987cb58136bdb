export { type ChargeLedger, type ChargeRecord, FileChargeLedger, InMemoryChargeLedger } from './charge-ledger';
export {
  type CardDecline,
  type ChargeOutcome,
  type ChargeRequest,
  type PaymentProvider,
  PaymentUnavailableError,
} from './payment-provider';
export {
  type PaymentFault,
  SimulatedPaymentProvider,
  type SimulatedProviderOptions,
  TEST_CARDS,
} from './simulated-provider';
