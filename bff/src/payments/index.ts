// What a process that needs the simulated processor imports (the kill test's child process does).
export {
  type CardRecord,
  type ChargeLedger,
  type ChargeRecord,
  InMemoryChargeLedger,
  type LedgerRecord,
  type RefundRecord,
} from './charge-ledger';
export {
  type CardDecline,
  type ChargeOutcome,
  type ChargeRequest,
  type PaymentProvider,
  PaymentUnavailableError,
  type RefundOutcome,
  type RefundRequest,
} from './payment-provider';
export {
  type PaymentFault,
  SimulatedPaymentProvider,
  type SimulatedProviderOptions,
  TEST_CARDS,
  TEST_TOKENS,
} from './simulated-provider';
export { SqliteChargeLedger } from './sqlite-charge-ledger';
