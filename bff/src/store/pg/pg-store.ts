import type { PgDb } from '../../db/open-pg';
import { type ClaimPolicy, localClaimPolicy } from '../claim-policy';
import type { Store } from '../store';
import { PgAccounts } from './pg-accounts';
import { PgBillingDetails } from './pg-billing-details';
import { PgCancellations } from './pg-cancellations';
import { PgChallenges } from './pg-challenges';
import { PgClock } from './pg-clock';
import { PgCollections } from './pg-collections';
import { PgContext } from './pg-context';
import { PgDocuments } from './pg-documents';
import { PgMaintenance } from './pg-maintenance';
import { PgOrders } from './pg-orders';
import { PgOutbox } from './pg-outbox';
import { PgPaymentMethods } from './pg-payment-methods';
import { PgProvisioning } from './pg-provisioning';
import { PgRenewals } from './pg-renewals';
import { PgSalesRequests } from './pg-sales-requests';
import { PgSessions } from './pg-sessions';
import { PgSignInThrottle } from './pg-sign-in-throttle';
import { PgSubscriptions } from './pg-subscriptions';

/**
 * The PostgreSQL store: its repositories around one pool, sharing the claim rows, the row
 * writers and the transactions (PgContext). Each method is one transaction on a pooled
 * connection; several instances may share the database (docs/decisions/019, 020).
 */
export class PgStore implements Store {
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
    readonly db: PgDb,
    claimPolicy: ClaimPolicy = localClaimPolicy(),
  ) {
    const ctx = new PgContext(db, claimPolicy);
    this.sessions = new PgSessions(ctx);
    this.signInThrottle = new PgSignInThrottle(ctx);
    this.accounts = new PgAccounts(ctx);
    this.orders = new PgOrders(ctx);
    this.subscriptions = new PgSubscriptions(ctx);
    this.documents = new PgDocuments(ctx);
    this.renewals = new PgRenewals(ctx);
    this.collections = new PgCollections(ctx);
    this.provisioning = new PgProvisioning(ctx);
    this.outbox = new PgOutbox(ctx);
    this.clock = new PgClock(ctx);
    this.maintenance = new PgMaintenance(ctx);
    this.cancellations = new PgCancellations(ctx);
    this.billingDetails = new PgBillingDetails(ctx);
    this.salesRequests = new PgSalesRequests(ctx);
    this.paymentMethods = new PgPaymentMethods(ctx);
    this.challenges = new PgChallenges(ctx);
  }
}
