import type { AccountRepository } from './account-repository';
import type { BillingDetailsRepository } from './billing-details-repository';
import type { CancellationRepository } from './cancellation-repository';
import type { ClockRepository } from './clock-repository';
import type { CollectionRepository } from './collection-repository';
import type { DocumentRepository } from './document-repository';
import type { MaintenanceRepository } from './maintenance-repository';
import type { OrderRepository } from './order-repository';
import type { OutboxRepository } from './outbox-repository';
import type { PaymentChallengeRepository } from './payment-challenge-repository';
import type { PaymentMethodRepository } from './payment-method-repository';
import type { ProvisioningRepository } from './provisioning-repository';
import type { RenewalRepository } from './renewal-repository';
import type { SalesRequestRepository } from './sales-request-repository';
import type { SessionRepository } from './session-repository';
import type { SignInThrottleRepository } from './sign-in-throttle-repository';
import type { SubscriptionRepository } from './subscription-repository';

/**
 * Persistence, dialect-neutral at its interface and composed of one repository per resource:
 * every method is one transaction, and the engine has already decided what each write means.
 * Only implementations know the database; a use case that must be atomic across resources is
 * one method, whose implementation writes the other resources' rows in the same transaction.
 */
export type Store = Readonly<{
  sessions: SessionRepository;
  signInThrottle: SignInThrottleRepository;
  accounts: AccountRepository;
  orders: OrderRepository;
  subscriptions: SubscriptionRepository;
  documents: DocumentRepository;
  renewals: RenewalRepository;
  collections: CollectionRepository;
  provisioning: ProvisioningRepository;
  outbox: OutboxRepository;
  clock: ClockRepository;
  maintenance: MaintenanceRepository;
  cancellations: CancellationRepository;
  billingDetails: BillingDetailsRepository;
  salesRequests: SalesRequestRepository;
  paymentMethods: PaymentMethodRepository;
  challenges: PaymentChallengeRepository;
}>;
