import type { SystemClock } from '../clock';
import type { Env } from '../env';
import type { PaymentProvider } from '../payments/payment-provider';
import type { SessionRecord, UserRecord } from '../store/records';
import type { Store } from '../store/store';

/** What the routes are built from: swapped in tests for a temporary database or a faulty provider. */
export type AppDeps = Readonly<{
  env: Pick<Env, 'NODE_ENV' | 'WEB_DIST' | 'SESSION_SECRET' | 'TRUST_PROXY_HOPS'>;
  store: Store;
  clock: SystemClock;
  payments: PaymentProvider;
}>;

export type AppEnv = {
  Variables: {
    session: SessionRecord;
    user: UserRecord;
  };
};
