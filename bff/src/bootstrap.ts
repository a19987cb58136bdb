import { BillingRun } from './billing/billing-run';
import { ChangeConfirmer } from './changes/confirm-change';
import { SystemClock, systemWallClock } from './clock';
import { openDatabase } from './db/open-database';
import type { AppDeps } from './deps';
import { DocumentPdfs } from './documents/document-pdfs';
import { PdfWorkerPool } from './documents/pdf-worker-pool';
import { PendingPdfRenderer } from './documents/pending-pdf-renderer';
import { composeEmail } from './email/compose-email';
import { DevMailbox } from './email/dev-mailbox';
import { createMailTransport, type MailTransport } from './email/mail-transport';
import { OutboxDispatcher } from './email/outbox-dispatcher';
import type { Env } from './env';
import { InvoiceChallenges } from './payment-challenges/invoice-challenges';
import { FileChargeLedger } from './payments/charge-ledger';
import type { PaymentProvider } from './payments/payment-provider';
import { SimulatedPaymentProvider } from './payments/simulated-provider';
import { SCENARIOS } from './scenarios';
import { resetToScenario } from './scenarios/reset';
import { scenarioSchema } from './scenarios/scenario-schema';
import { SignInThrottle } from './session/sign-in-throttle';
import { localClaimPolicy } from './store/claim-policy';
import { SqliteStore } from './store/sqlite/sqlite-store';

export type System = Readonly<{
  deps: AppDeps;
  confirmer: ChangeConfirmer;
  billing: BillingRun;
  /** Invoice payments waiting for the customer's bank. */
  challenges: InvoiceChallenges;
  mail: Mail;
  signInThrottle: SignInThrottle;
  store: SqliteStore;
  /**
   * The periodic pass: recover orders and invoice payments whose owner is gone (or which wait for
   * the customer's bank past their expiry), then renew and collect what is due.
   */
  maintain: () => Promise<void>;
  /** Renders missing PDFs in the background once started (the server starts it; tests may). */
  pendingPdfs: PendingPdfRenderer;
  close: () => void;
}>;

/**
 * Opens the database (migrating it), seeds an empty one outside production, and finishes any
 * order a crash left between the charge and its record before the first request is served.
 */
export async function startSystem(
  env: Env,
  payments: PaymentProvider = new SimulatedPaymentProvider({
    ledger: new FileChargeLedger(env.PAYMENTS_LEDGER_FILE),
    delayMs: env.PAYMENTS_LATENCY_MS,
  }),
): Promise<System> {
  const db = openDatabase(env.DATABASE_FILE);
  const store = new SqliteStore(
    db,
    localClaimPolicy({ instance: env.INSTANCE_ID, leaseSeconds: env.CLAIM_LEASE_SECONDS }),
  );
  const clock = new SystemClock(store, env.NODE_ENV !== 'production');
  const pool = new PdfWorkerPool();
  const pdfs = new DocumentPdfs({
    store,
    render: (document, options) => pool.render(document, options),
    now: () => clock.now(),
  });
  const pendingPdfs = new PendingPdfRenderer({ store, pdfs });
  const deps: AppDeps = {
    env,
    store,
    clock,
    wall: systemWallClock,
    payments,
    pdfs,
    documentsIssued: () => pendingPdfs.kick(),
  };
  const empty = !(await store.maintenance.hasAccounts());
  if (empty && env.NODE_ENV !== 'production') {
    const seed = SCENARIOS[env.SEED_SCENARIO];
    if (!seed) throw new Error(`unknown SEED_SCENARIO ${env.SEED_SCENARIO}`);
    await resetToScenario(store, clock, scenarioSchema.parse(seed));
  }
  await clock.load();
  const billing = new BillingRun(deps);
  // A period-end run skips a subscription while an order holds it: it goes on once the order ends.
  const confirmer = new ChangeConfirmer(deps, () => {
    billing.run().catch((error) => console.error('billing run failed', error));
  });
  const challenges = new InvoiceChallenges(deps, billing);
  const recovered = await confirmer.recoverPendingOrders();
  if (recovered > 0) console.log(`Finished ${recovered} order(s) left pending by an earlier stop`);
  await challenges.sweep();
  // Moving the test clock gives up the payments whose authentication it let expire, then renews
  // and collects whatever fell due, before the move is answered.
  clock.onChange(async () => {
    await confirmer.expireChallenges();
    await challenges.sweep();
    await billing.run();
    deps.documentsIssued();
  });
  const mail = startMail(env, store, clock, pdfs);
  return {
    deps,
    confirmer,
    billing,
    challenges,
    mail,
    signInThrottle: new SignInThrottle(store),
    store,
    maintain: async () => {
      const finished = await confirmer.recoverPendingOrders();
      if (finished > 0) console.log(`Finished ${finished} order(s) whose owner is gone`);
      await challenges.sweep();
      await billing.run();
    },
    pendingPdfs,
    close: () => {
      void pendingPdfs.stop();
      void pool.close();
      mail.transport.close();
      db.$client.close();
    },
  };
}

export type Mail = Readonly<{ dispatcher: OutboxDispatcher; mailbox: DevMailbox; transport: MailTransport }>;

/** E-mail from the outbox: over SMTP when SMTP_URL is set, otherwise into the development mailbox. */
function startMail(env: Env, store: SqliteStore, clock: SystemClock, pdfs: DocumentPdfs): Mail {
  const mailbox = new DevMailbox(env.MAILBOX_DIR);
  const transport = createMailTransport({ smtpUrl: env.SMTP_URL, mailbox });
  const dispatcher = new OutboxDispatcher({
    outbox: store.outbox,
    transport,
    compose: (message) =>
      composeEmail(message, {
        findDocument: (accountId, documentId) => store.documents.find(accountId, documentId),
        findChange: (accountId, changeId) => store.subscriptions.findChangeSummary(accountId, changeId),
        documentPdf: (accountId, document) => pdfs.pdfOf(accountId, document),
        addresseeName: (accountId, email) => store.accounts.findAddresseeName(accountId, email),
      }),
    now: () => clock.now(),
    from: env.MAIL_FROM,
    onError: (error) => console.error('e-mail dispatch failed', error),
  });
  return { dispatcher, mailbox, transport };
}
