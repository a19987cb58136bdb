export type MoneyErrorCode = 'currency_mismatch' | 'amount_not_safe_integer';

/** A programming error in money arithmetic: mixing currencies or leaving the exact integer range. */
export class MoneyError extends Error {
  override readonly name = 'MoneyError';

  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
  }
}
