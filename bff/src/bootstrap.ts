import type { ClockMoveView, ScenarioId } from '@planshift/shared/api';
import type { Instant } from '@planshift/shared/periods';
import pLimit, { type LimitFunction } from 'p-limit';
import { BillingRun } from './billing/billing-run';
import { ChangeConfirmer } from './changes/confirm-change';
import { SystemClock, systemWallClock } from './clock';
import type { AppDeps } from './deps';
import { DocumentPdfs } from './documents/document-pdfs';
import { PdfWorkerPool } from './documents/pdf-worker-pool';
import { PendingPdfRenderer } from './documents/pending-pdf-renderer';
import { composeEmail } from './email/compose-email';
import { DevMailbox } from './email/dev-mailbox';
import { createMailTransport, type MailTransport } from './email/mail-transport';
import { OutboxDispatcher } from './email/outbox-dispatcher';
import type { Env } from './env';
import { type BusinessMetrics, NO_METRICS } from './observability/business-metrics';
import { createLogger, type Logger } from './observability/logger';
import { meteredPayments } from './observability/metered-payments';
import { InvoiceChallenges } from './payment-challenges/invoice-challenges';
import type { PaymentProvider } from './payments/payment-provider';
import { SimulatedPaymentProvider } from './payments/simulated-provider';
import { worldChargeLedger } from './payments/world-charge-ledger';
import { QuoteTokens } from './quotes/quote-token';
import { resetToScenario } from './scenarios/reset';
import type { HashCost } from './session/password';
import { SignInThrottle } from './session/sign-in-throttle';
import { localClaimPolicy } from './store/claim-policy';
import { openStore, type StoreDatabase } from './store/open-store';
import type { Store } from './store/store';
import type { ScenarioBook, ScenarioRecord } from './worlds/scenario-book';
import { type JobFailed, jobFailureLog } from './worlds/world-jobs';

export type System = Readonly<{
  deps: AppDeps;
  confirmer: ChangeConfirmer;
  billing: BillingRun;
  /** Invoice payments waiting for the customer's bank. */
  challenges: InvoiceChallenges;
  mail: Mail;
  signInThrottle: SignInThrottle;
  store: Store;
  /** The database under the store (SQLite's file or PostgreSQL's pool), for what only it can do. */
  database: StoreDatabase;
  /**
   * The periodic pass: recover orders and invoice payments whose owner is gone (or which wait for
   * the customer's bank past their expiry), then renew and collect what is due.
   */
  maintain: () => Promise<void>;
  /** Renders missing PDFs in the background once started (the server starts it; tests may). */
  pendingPdfs: PendingPdfRenderer;
  /** Set in a scenario's world (docs/decisions/018): QA's world routes act in it. */
  scenario: ScenarioWorld | null;
  /** Logs a background job's failure (see `jobFailureLog`). */
  jobFailed: JobFailed;
  /** Lets the writers at work finish (orders being charged, a period-end run). */
  settle: () => Promise<void>;
  /** Stops the background work and closes the database (ends PostgreSQL's pool). */
  close: () => Promise<void>;
}>;

export type ClockRan = ClockMoveView['ran'];

/** What QA does to a scenario's world. */
export type ScenarioWorld = Readonly<{
  id: ScenarioId | null;
  book: ScenarioBook;
  /** Replaces the world's data with the scenario's (signing out its users), its mail and card charges too. */
  reset: (record: ScenarioRecord) => Promise<void>;
  /** Sets the clock and runs what fell due (payments left unauthenticated, renewals, collections, e-mail). */
  moveClock: (at: Instant | null) => Promise<ClockRan>;
}>;

export type SystemOptions = Readonly<{
  payments?: PaymentProvider;
  /** A scenario's world: its clock is a test clock, and an empty database is seeded from the book. */
  scenario?: Readonly<{ id: ScenarioId | null; book: ScenarioBook }>;
  /** PDF workers shared with other worlds (their owner closes them); otherwise the system has its own. */
  pdfPool?: PdfWorkerPool;
  /** The process's logger (worlds share it); otherwise one at env.LOG_LEVEL. */
  log?: Logger;
  /** Where outcomes are counted (the process's Prometheus registry); otherwise nowhere. */
  metrics?: BusinessMetrics;
  /** On PostgreSQL, the schema the world's tables are in (a scenario's, docs/decisions/020); else the default. */
  databaseSchema?: string;
  /** How the scenario's passwords are hashed when it is seeded or reset: 'quick' only in tests (docs/decisions/032). */
  passwordCost?: HashCost;
}>;

/**
 * Opens the database (migrating it), seeds a scenario's empty one, and finishes any order a
 * crash left between the charge and its record before the first request is served.
 */
export async function startSystem(env: Env, options: SystemOptions = {}): Promise<System> {
  const world = options.scenario ? (options.scenario.id ?? 'scenario') : 'real';
  const log = (options.log ?? createLogger(env.LOG_LEVEL)).child({ world });
  const metrics = options.metrics ?? NO_METRICS;
  const location = { ...env, ...(options.databaseSchema ? { DATABASE_SCHEMA: options.databaseSchema } : {}) };
  const opened = await openStore(
    location,
    localClaimPolicy({ instance: env.INSTANCE_ID, leaseSeconds: env.CLAIM_LEASE_SECONDS }),
  );
  const { store } = opened;
  // The processor keeps its records in the world's database, in transactions of its own (on
  // SQLite through the BFF's connection, docs/decisions/033): every instance sees the one processor.
  const payments = meteredPayments(
    options.payments ??
      new SimulatedPaymentProvider({
        ledger: worldChargeLedger(location, opened.database.dialect === 'sqlite' ? opened.database.db.$client : null),
        delayMs: env.PAYMENTS_LATENCY_MS,
      }),
    metrics,
  );
  const clock = new SystemClock(store, options.scenario !== undefined);
  const jobFailed = jobFailureLog(log, options.scenario?.book);
  const pool = options.pdfPool ?? new PdfWorkerPool();
  const pdfs = new DocumentPdfs({
    store,
    render: (document, options) => pool.render(document, options),
    now: () => clock.now(),
    onError: (error) => jobFailed('warn', { err: error, job: 'pdf' }, 'a rendered PDF could not be stored yet'),
  });
  const pendingPdfs = new PendingPdfRenderer({
    store,
    pdfs,
    onError: (error) => jobFailed('warn', { err: error, job: 'pdf' }, 'a pending PDF could not be rendered yet'),
  });
  const deps: AppDeps = {
    env,
    store,
    clock,
    wall: systemWallClock,
    payments,
    pdfs,
    documentsIssued: () => pendingPdfs.kick(),
    quoteTokens: new QuoteTokens(env.SESSION_SECRET, options.scenario?.id ?? null),
    scenarioId: options.scenario?.id ?? null,
    log,
    metrics,
  };
  const seed = options.scenario?.book.current()?.scenario;
  const passwordCost = options.passwordCost ?? 'standard';
  if (seed && !(await store.maintenance.hasAccounts())) await resetToScenario(store, clock, seed, passwordCost);
  await clock.load();
  const billing = new BillingRun(deps);
  // A period-end run skips a subscription while an order holds it: it goes on once the order ends.
  const confirmer = new ChangeConfirmer(deps, () => {
    billing.run().catch((error) => jobFailed('error', { err: error, job: 'billing_run' }, 'billing run failed'));
  });
  const challenges = new InvoiceChallenges(deps, billing);
  const recovered = await confirmer.recoverPendingOrders();
  if (recovered > 0)
    log.info({ job: 'recovery', orders: recovered }, 'finished orders left pending by an earlier stop');
  await challenges.sweep();
  const mail = startMail(env, store, clock, pdfs, log, jobFailed);
  const settle = async () => {
    await Promise.all([confirmer.settled(), billing.settled(), challenges.settled()]);
  };
  const inTurn = pLimit(1);
  const scenario = options.scenario
    ? scenarioWorld(options.scenario, {
        store,
        clock,
        payments,
        mail,
        settle,
        confirmer,
        challenges,
        billing,
        deps,
        inTurn,
        passwordCost,
      })
    : null;
  return {
    deps,
    confirmer,
    billing,
    challenges,
    mail,
    signInThrottle: new SignInThrottle(store),
    store,
    database: opened.database,
    // A pass keeps the clock this instance last read (each request reads it afresh): the instance
    // that moved a scenario's clock runs what fell due before it answers, and a pass here reading
    // the moved clock would renew it from under that move, which would then report nothing. Here,
    // passes and moves take turns: a pass still running when the clock moves is over before it.
    // A pass does take an earlier clock (SystemClock.loadIfEarlier): a world another instance reset.
    maintain: () =>
      inTurn(async () => {
        await clock.loadIfEarlier();
        const finished = await confirmer.recoverPendingOrders();
        if (finished > 0) log.info({ job: 'recovery', orders: finished }, 'finished orders whose owner is gone');
        await challenges.sweep();
        await billing.run();
      }),
    pendingPdfs,
    scenario,
    jobFailed,
    settle,
    close: async () => {
      const rendering = pendingPdfs.stop();
      if (!options.pdfPool) void pool.close();
      mail.transport.close();
      // A render under way saves its PDF before the database closes under it.
      await rendering;
      // A provider handed in is its owner's to close.
      if (!options.payments) payments.close?.();
      await opened.close();
    },
  };
}

function scenarioWorld(
  world: Readonly<{ id: ScenarioId | null; book: ScenarioBook }>,
  parts: Readonly<{
    store: Store;
    clock: SystemClock;
    payments: PaymentProvider;
    mail: Mail;
    settle: () => Promise<void>;
    confirmer: ChangeConfirmer;
    challenges: InvoiceChallenges;
    billing: BillingRun;
    deps: AppDeps;
    /** Runs the work that reads the clock to see what fell due, one at a time. */
    inTurn: LimitFunction;
    passwordCost: HashCost;
  }>,
): ScenarioWorld {
  const { store, clock, payments, mail, settle, confirmer, challenges, billing, deps, inTurn, passwordCost } = parts;
  return {
    ...world,
    // In turn with the maintenance passes too: a pass that read the old world's clock (later than
    // the new one's, say) and then renewed the new world's subscriptions at it would leave them in
    // a period that has not begun, and the next quote refused (seen under load on PostgreSQL).
    reset: (record) =>
      inTurn(async () => {
        await settle();
        await resetToScenario(store, clock, record.scenario, passwordCost);
        await payments.reset?.();
        await mail.mailbox.clear();
        await world.book.replace(record);
      }),
    moveClock: (at) =>
      inTurn(async () => {
        await clock.set(at);
        // Before the move is answered: the payments whose authentication it let expire are given
        // up, then what fell due is renewed, ended and collected, and its e-mail sent.
        await confirmer.expireChallenges();
        await challenges.sweep();
        const run = await billing.run();
        deps.documentsIssued();
        let emails = 0;
        for (;;) {
          const { sent } = await mail.dispatcher.dispatchDue();
          if (sent === 0) break;
          emails += sent;
        }
        return { renewals: run.renewed, endings: run.ended, emails };
      }),
  };
}

export type Mail = Readonly<{ dispatcher: OutboxDispatcher; mailbox: DevMailbox; transport: MailTransport }>;

/** E-mail from the outbox: over SMTP when SMTP_URL is set, otherwise into the development mailbox. */
function startMail(
  env: Env,
  store: Store,
  clock: SystemClock,
  pdfs: DocumentPdfs,
  log: Logger,
  jobFailed: JobFailed,
): Mail {
  const mailbox = new DevMailbox(env.MAILBOX_DIR);
  const transport = createMailTransport({ smtpUrl: env.SMTP_URL, mailbox, mailboxLatencyMs: env.MAILBOX_LATENCY_MS });
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
    onError: (error, message) =>
      message
        ? jobFailed(
            'error',
            { err: error, job: 'outbox', messageId: message.id, kind: message.kind },
            'gave up an e-mail',
          )
        : jobFailed('error', { err: error, job: 'outbox' }, 'e-mail dispatch failed'),
    onPass: (report) => log.info({ job: 'outbox', ...report }, 'outbox pass'),
  });
  return { dispatcher, mailbox, transport };
}
