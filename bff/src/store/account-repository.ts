import type { BillingState } from './records';

/** Reading an account: its billing state, and the name its e-mails address it by. */
export interface AccountRepository {
  loadBillingState(accountId: string): Promise<BillingState | null>;
  findName(accountId: string): Promise<string | null>;
}
