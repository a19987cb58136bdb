import type { Db } from '../../db/open-database';
import { type ClaimPolicy, localClaimPolicy } from '../claim-policy';
import type { Store } from '../store';
import { SqliteAccounts } from './sqlite-accounts';
import { SqliteBillingDetails } from './sqlite-billing-details';
import { SqliteCancellations } from './sqlite-cancellations';
import { SqliteChallenges } from './sqlite-challenges';
import { SqliteClock } from './sqlite-clock';
import { SqliteCollections } from './sqlite-collections';
import { SqliteContext } from './sqlite-context';
import { SqliteDocuments } from './sqlite-documents';
import { SqliteMaintenance } from './sqlite-maintenance';
import { SqliteOrders } from './sqlite-orders';
import { SqliteOutbox } from './sqlite-outbox';
import { SqlitePaymentMethods } from './sqlite-payment-methods';
import { SqliteProvisioning } from './sqlite-provisioning';
import { SqliteRenewals } from './sqlite-renewals';
import { SqliteSalesRequests } from './sqlite-sales-requests';
import { SqliteSessions } from './sqlite-sessions';
import { SqliteSignInThrottle } from './sqlite-sign-in-throttle';
import { SqliteSubscriptions } from './sqlite-subscriptions';

/**
 * The SQLite store: its repositories around one connection, sharing its caches, the claim rows
 * and the write transaction (SqliteContext). Each method is one synchronous better-sqlite3
 * transaction.
 */
export class SqliteStore implements Store {
  readonly sessions;
  readonly signInThrottle;
  readonly accounts;
  readonly orders;
  readonly subscriptions;
  readonly documents;
  readonly renewals;
  readonly collections;
  readonly provisioning;
  readonly outbox;
  readonly clock;
  readonly maintenance;
  readonly cancellations;
  readonly billingDetails;
  readonly salesRequests;
  readonly paymentMethods;
  readonly challenges;

  constructor(
    readonly db: Db,
    claimPolicy: ClaimPolicy = localClaimPolicy(),
  ) {
    const ctx = new SqliteContext(db, claimPolicy);
    this.sessions = new SqliteSessions(ctx);
    this.signInThrottle = new SqliteSignInThrottle(ctx);
    this.accounts = new SqliteAccounts(ctx);
    this.orders = new SqliteOrders(ctx);
    this.subscriptions = new SqliteSubscriptions(ctx);
    this.documents = new SqliteDocuments(ctx);
    this.renewals = new SqliteRenewals(ctx);
    this.collections = new SqliteCollections(ctx);
    this.provisioning = new SqliteProvisioning(ctx);
    this.outbox = new SqliteOutbox(ctx);
    this.clock = new SqliteClock(ctx);
    this.maintenance = new SqliteMaintenance(ctx);
    this.cancellations = new SqliteCancellations(ctx);
    this.billingDetails = new SqliteBillingDetails(ctx);
    this.salesRequests = new SqliteSalesRequests(ctx);
    this.paymentMethods = new SqlitePaymentMethods(ctx);
    this.challenges = new SqliteChallenges(ctx);
  }
}
