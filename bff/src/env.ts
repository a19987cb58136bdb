import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { repoPath } from './paths';
import { DEFAULT_CLAIM_LEASE_SECONDS } from './store/claim-policy';

/** Which database: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
const DatabaseFields = {
  DATABASE_FILE: z.string().min(1).default(repoPath('data/planshift.sqlite')),
  /**
   * postgres://user:password@host:port/database selects PostgreSQL; unset keeps SQLite. Its
   * migrations run as their own step (`npm run db:migrate`), never by a starting instance.
   */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
};

/** The only module that reads `process.env`: everything else receives a typed, validated `Env`. */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
    WEB_DIST: z.string().min(1).default(repoPath('web/dist')),
    ...DatabaseFields,
    /** How long the simulated card processor takes to answer (after it has charged). */
    PAYMENTS_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    /**
     * This instance's name, stable across its restarts and unique among instances running on one
     * database (default host:port): a restart recovers the orders its earlier boot left at once.
     */
    INSTANCE_ID: z.string().min(1).max(200).optional(),
    /** How long a writer's claim on a subscription holds if its owner dies (docs/decisions/006). */
    CLAIM_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(DEFAULT_CLAIM_LEASE_SECONDS),
    /** Signs session cookies. Outside production a fresh one per process is fine. */
    SESSION_SECRET: z.string().min(32).optional(),
    /**
     * Outside production, the scenario the development portal opens with: made (as the scenario
     * of that id) when missing, its personas listed on the sign-in page (docs/decisions/018).
     */
    SEED_SCENARIO: z.string().default('demo'),
    /** Where scenarios' worlds live, each in a folder of its own (outside production). */
    SCENARIOS_DIR: z.string().min(1).optional(),
    /** Where e-mail goes, e.g. smtp://user:pass@mail.example:587. Without it, to the development mailbox. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    /** How long the development mailbox takes to take a message, as a slow mail server would. */
    MAILBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    MAIL_FROM: z.string().min(3).default('"Planshift Billing" <billing@planshift.local>'),
    /** Where "Contact sales" requests are e-mailed (through the outbox), e.g. sales@example.com. */
    SALES_EMAIL: z.email().default('sales@planshift.local'),
    /**
     * How many reverse proxies in front of the BFF append the client's address to X-Forwarded-For.
     * 0 (the default) believes no such header: the sign-in throttle counts the socket's address.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** The development mailbox's folder: each message an .eml file, browsable at /dev/mailbox. */
    MAILBOX_DIR: z.string().min(1).optional(),
    /** The least severe log lines written (JSON on stdout): info by default, silent under Vitest. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    /** When set, /metrics answers only requests bearing it (Authorization: Bearer <token>). */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** How long a graceful shutdown (SIGTERM, SIGINT) may take before the process gives up and exits 1. */
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(25),
  })
  .transform((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'required in production' });
      return z.NEVER;
    }
    if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'required in production' });
      return z.NEVER;
    }
    return {
      ...env,
      // Under Vitest (its own process, or a BFF it started) nothing is logged unless asked for.
      LOG_LEVEL: env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
      INSTANCE_ID: env.INSTANCE_ID ?? `${hostname()}:${env.PORT}`,
      SESSION_SECRET: env.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
      MAILBOX_DIR: env.MAILBOX_DIR ?? join(dirname(env.DATABASE_FILE), 'mailbox'),
      SCENARIOS_DIR: env.SCENARIOS_DIR ?? join(dirname(env.DATABASE_FILE), 'scenarios'),
    };
  });

export type Env = z.output<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return parseEnv(EnvSchema, source);
}

function parseEnv<Schema extends z.ZodType>(schema: Schema, source: NodeJS.ProcessEnv): z.output<Schema> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export type DatabaseEnv = z.output<typeof DatabaseEnvSchema>;

const DatabaseEnvSchema = z.object(DatabaseFields);

/** Only the database settings: what `npm run db:migrate` needs, without the server's. */
export function readDatabaseEnv(source: NodeJS.ProcessEnv = process.env): DatabaseEnv {
  return parseEnv(DatabaseEnvSchema, source);
}
