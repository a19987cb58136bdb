import type { ScenarioId } from '@planshift/shared/api';
import type { SystemClock, WallClock } from './clock';
import type { DocumentPdfs } from './documents/document-pdfs';
import type { Env } from './env';
import type { BusinessMetrics } from './observability/business-metrics';
import type { Logger } from './observability/logger';
import type { PaymentProvider } from './payments/payment-provider';
import type { QuoteTokens } from './quotes/quote-token';
import type { Store } from './store/store';

/** What the routes and use cases are built from: swapped in tests for a temporary database or a faulty provider. */
export type AppDeps = Readonly<{
  env: Pick<Env, 'NODE_ENV' | 'WEB_DIST' | 'SESSION_SECRET' | 'TRUST_PROXY_HOPS' | 'SALES_EMAIL'>;
  store: Store;
  /** The system clock: the instant quotes are priced and changes recorded at (a test clock in QA). */
  clock: SystemClock;
  /** Wall time, for what the test clock must not move: sessions, key retention. */
  wall: WallClock;
  payments: PaymentProvider;
  /** Issued documents' PDFs: served as stored, or rendered off the event loop. */
  pdfs: DocumentPdfs;
  /** Documents were just issued: their PDFs are rendered in the background now. */
  documentsIssued: () => void;
  /** Where jobs and use cases log (requests log through their own child of it, with their id). */
  log: Logger;
  /** Where use cases count what they did: quotes, confirmations, renewals… (Prometheus in the server). */
  metrics: BusinessMetrics;
  /** Signs quotes into their ids and verifies them (docs/decisions/024). */
  quoteTokens: QuoteTokens;
  /** The scenario this world is (docs/decisions/018); absent in the real world. */
  scenarioId?: ScenarioId | null;
}>;
