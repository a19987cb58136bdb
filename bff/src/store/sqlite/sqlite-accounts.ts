import { asc, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { AccountRepository } from '../account-repository';
import type { BillingState } from '../records';
import type { SqliteContext } from './sqlite-context';

export class SqliteAccounts implements AccountRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async loadBillingState(accountId: string): Promise<BillingState | null> {
    return this.ctx.billingState.read(accountId);
  }

  async findAddresseeName(accountId: string, email: string): Promise<string | null> {
    const people = this.ctx.db
      .select({ email: t.users.email, name: t.users.name, role: t.users.role })
      .from(t.users)
      .where(eq(t.users.accountId, accountId))
      .orderBy(asc(t.users.id))
      .all();
    return addresseeName(people, email);
  }
}

type Person = Readonly<{ email: string; name: string; role: string }>;

/** Whom a message to `email` greets among the account's people (in id order); both stores ask it. */
export function addresseeName(people: readonly Person[], email: string): string | null {
  const address = email.toLowerCase();
  // A billing address that is nobody's own (accounts@…) is read by those who manage billing.
  const addressee =
    people.find((person) => person.email.toLowerCase() === address) ??
    people.find((person) => person.role === 'owner') ??
    people.find((person) => person.role === 'billing_admin');
  return addressee?.name ?? null;
}
