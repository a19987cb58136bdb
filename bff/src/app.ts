import { createRoute } from '@hono/zod-openapi';
import { type ClockView, clockViewSchema } from '@planshift/shared/api';
import type { Handler, Hono, MiddlewareHandler } from 'hono';
import { accountRoutes } from './account/account-routes';
import { BillingRun } from './billing/billing-run';
import { billingDetailsRoutes } from './billing-details/billing-details-routes';
import type { ScenarioWorld } from './bootstrap';
import { cancellationRoutes } from './cancellation/cancellation-routes';
import { changeRoutes } from './changes/change-routes';
import { ChangeConfirmer } from './changes/confirm-change';
import { documentRoutes } from './documents/document-routes';
import type { DevMailbox } from './email/dev-mailbox';
import type { AppDeps, AppEnv } from './http/app-env';
import { jsonBody } from './http/json-body';
import { noNulInUrl } from './http/nul-text';
import { errorHandler } from './http/on-error';
import { json, registerSecuritySchemes, router } from './http/openapi';
import { refuse } from './http/refuse';
import { RequestTurns, takeTurns } from './http/request-turns';
import { securityHeaders } from './http/security-headers';
import { invoiceRoutes } from './invoices/invoice-routes';
import { requestLogging } from './observability/request-logging';
import { healthRoutes } from './ops/health-routes';
import { Readiness } from './ops/readiness';
import { challengeRoutes } from './payment-challenges/challenge-routes';
import { InvoiceChallenges } from './payment-challenges/invoice-challenges';
import { paymentMethodRoutes } from './payment-methods/payment-method-routes';
import { devMailboxRoutes } from './qa/mailbox-routes';
import { testRoutes } from './qa/qa-routes';
import { quoteRoutes } from './quotes/quote-routes';
import { refusal } from './refusal';
import { salesRoutes } from './sales/sales-routes';
import { scheduledChangeRoutes } from './scheduled-change/scheduled-change-routes';
import { sessionRoutes } from './session/session-routes';
import { SignInThrottle } from './session/sign-in-throttle';
import { mountSpa } from './spa/serve-spa';

export type { AppDeps } from './http/app-env';

export type AppServices = Readonly<{
  confirmer?: ChangeConfirmer;
  billing?: BillingRun;
  challenges?: InvoiceChallenges;
  mail?: Readonly<{ mailbox: DevMailbox }>;
  /** A scenario's world (docs/decisions/018): QA's world routes act in it. */
  scenario?: ScenarioWorld | null;
  signInThrottle?: SignInThrottle;
  turns?: RequestTurns;
  /** The process's readiness (shutting down or not); otherwise this world's database alone decides. */
  readiness?: Readiness;
  /** Counts and times each request by its route's pattern (the process's Prometheus registry). */
  httpMetrics?: MiddlewareHandler;
  /** GET /metrics: the real world's app serves the process's metrics. */
  metricsEndpoint?: Handler;
}>;

export function createApp(deps: AppDeps, services: AppServices = {}) {
  const confirmer = services.confirmer ?? new ChangeConfirmer(deps);
  const billing = services.billing ?? new BillingRun(deps);
  const challenges = services.challenges ?? new InvoiceChallenges(deps, billing);
  const readiness = services.readiness ?? new Readiness(() => deps.store.maintenance.ping());
  const app = router();
  registerSecuritySchemes(app);
  // First, so that every line a request logs carries its id, and its time counts all of it.
  app.use(...requestLogging(deps.log));
  if (services.httpMetrics) app.use(services.httpMetrics);
  app.use(securityHeaders);
  app.use('/api/*', noNulInUrl);
  app.use('/api/*', jsonBody);
  app.use('/api/*', takeTurns(services.turns ?? new RequestTurns(), ['/api/health', '/api/ready']));

  // The typed API: one chain, so that its type (AppType) carries every route's request and answers.
  const api = app
    .route('/', healthRoutes(readiness))
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/clock',
        summary: 'The system clock: the instant every quote is priced at, and whether it is a test clock',
        responses: { 200: json(clockViewSchema, 'The clock') },
      }),
      (c) => {
        const clock: ClockView = { now: deps.clock.now(), testClock: deps.clock.frozenAt() !== null };
        return c.json(clock, 200);
      },
    )
    .route('/', sessionRoutes(deps, services.signInThrottle ?? new SignInThrottle(deps.store)))
    .route('/', accountRoutes(deps))
    .route('/', documentRoutes(deps))
    .route('/', quoteRoutes(deps))
    .route('/', changeRoutes(deps, confirmer))
    .route('/', scheduledChangeRoutes(deps))
    .route('/', invoiceRoutes(deps, billing, challenges))
    .route('/', cancellationRoutes(deps))
    .route('/', billingDetailsRoutes(deps))
    .route('/', salesRoutes(deps))
    .route('/', paymentMethodRoutes(deps))
    .route('/', challengeRoutes(deps, { confirmer, invoices: challenges }));
  if (deps.env.NODE_ENV !== 'production') {
    app.route('/', testRoutes(deps, { scenario: services.scenario ?? null, mailbox: services.mail?.mailbox ?? null }));
    // The development mailbox: where e-mail goes when no SMTP server is configured.
    if (services.mail) app.route('/', devMailboxRoutes(services.mail.mailbox));
  }
  // Development-only pages exist only where they are mounted above; elsewhere (production) they
  // are absent, not the SPA's index.html that the fallback below would answer.
  app.all('/dev/*', (c) => c.text('Not found.', 404));

  let document: unknown;
  app.get('/api/openapi.json', (c) => {
    document ??= openApiDocument(app);
    return c.json(document as object);
  });

  if (services.metricsEndpoint) app.get('/metrics', services.metricsEndpoint);

  app.all('/api/*', (c) => refuse(c, refusal('not_found', 'No such API route.')));
  app.onError(errorHandler(deps.log));

  mountSpa(app, deps.env.WEB_DIST);
  return api;
}

function openApiDocument(app: ReturnType<typeof router>) {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Planshift API',
      version: '1.0.0',
      description:
        'The Change plan portal’s API. Money is integer minor units with an ISO 4217 currency; instants are Unix seconds. Errors answer { code, message, field }.',
    },
  });
  return document;
}

export type App = ReturnType<typeof createApp>;

type SchemaOf<T> = T extends Hono<AppEnv, infer S, '/'> ? S : never;

/**
 * The API's routes with their requests and answers, for a typed client (`hc<AppType>` of
 * hono/client): the typed chain, and the QA routes, which exist outside production only.
 */
export type AppType = Hono<AppEnv, SchemaOf<App> & SchemaOf<ReturnType<typeof testRoutes>>, '/'>;
