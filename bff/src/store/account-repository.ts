import type { BillingState } from './records';

/** Reading an account: its billing state, and the person its e-mails greet. */
export interface AccountRepository {
  loadBillingState(accountId: string): Promise<BillingState | null>;
  /**
   * The person an e-mail to this address greets: the account's user with that address, or,
   * for an address that is no user's own, the account's owner (then a billing admin); null if none.
   */
  findAddresseeName(accountId: string, email: string): Promise<string | null>;
}
