import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { type ScenarioId, scenarioIdSchema } from '@planshift/shared/api';
import type { MiddlewareHandler } from 'hono';
import { createApp } from '../app';
import { type System, startSystem } from '../bootstrap';
import type { WallClock } from '../clock';
import type { PdfWorkerPool } from '../documents/pdf-worker-pool';
import type { Env } from '../env';
import type { BusinessMetrics } from '../observability/business-metrics';
import type { Logger } from '../observability/logger';
import { ScenarioBook, type ScenarioRecord } from './scenario-book';
import { dropScenarioSchema, migrateScenarioSchema } from './scenario-schema';
import { SCENARIO_JOBS, startJobs } from './world-jobs';

/** A scenario's world, open: its system, its app, and what it is doing right now. */
export type World = Readonly<{ id: ScenarioId; system: System; app: ReturnType<typeof createApp> }>;

type Open = { world: World; stopJobs: () => Promise<void>; lastUsedMs: number; inFlight: number };

export type RegistryOptions = Readonly<{
  env: Env;
  wall: WallClock;
  pdfPool: PdfWorkerPool;
  /** The process's logger and metrics, shared by its worlds. */
  log?: Logger;
  metrics?: BusinessMetrics;
  httpMetrics?: MiddlewareHandler;
  /** Open worlds kept at most; the least recently used idle one is closed to open another. */
  maxOpen?: number;
  /** Worlds that may exist at once (on disk, open or not). */
  maxScenarios?: number;
  /** A world unused this long is closed (and reopened from its folder when asked for). */
  idleMs?: number;
  /** A scenario unused this long is deleted, except the development portal's own. */
  abandonedMs?: number;
}>;

export type CreateOutcome =
  | Readonly<{ ok: true; world: World }>
  | Readonly<{ ok: false; reason: 'scenario_exists' | 'too_many_scenarios' }>;

const BOOK = 'scenario.json';

// Ids name folders: only the strict pattern ever reaches a path.
const isScenarioId = (id: string) => scenarioIdSchema.safeParse(id).success;

/**
 * Every scenario's world (docs/decisions/018): each in its own folder (database, with the card
 * processor's records, mailbox, the scenario it was made from), opened when a request names it
 * and closed when idle. On PostgreSQL (DATABASE_URL) a world's data is a schema of its own in
 * that database (docs/decisions/020), made when the world opens and dropped with the scenario;
 * the folder keeps the rest (its book and mailbox).
 */
export class ScenarioRegistry {
  readonly #open = new Map<ScenarioId, Open>();
  readonly #opening = new Map<ScenarioId, Promise<Open | null>>();
  readonly #maxOpen: number;
  readonly #maxScenarios: number;
  readonly #idleMs: number;
  readonly #abandonedMs: number;

  constructor(private readonly options: RegistryOptions) {
    this.#maxOpen = options.maxOpen ?? 64;
    this.#maxScenarios = options.maxScenarios ?? 1000;
    this.#idleMs = options.idleMs ?? 10 * 60_000;
    this.#abandonedMs = options.abandonedMs ?? 24 * 3600_000;
  }

  /** A new scenario's world, seeded; `id` when the caller names it, otherwise a fresh one. */
  async create(record: Omit<ScenarioRecord, 'id' | 'createdAt'>, id?: ScenarioId): Promise<CreateOutcome> {
    const scenarioId = id ?? `scn-${randomBytes(6).toString('hex')}`;
    if (!isScenarioId(scenarioId)) throw new Error(`not a scenario id: ${scenarioId}`);
    if (this.#open.has(scenarioId) || this.#opening.has(scenarioId)) return { ok: false, reason: 'scenario_exists' };
    const ids = await this.#ids();
    if (ids.includes(scenarioId)) return { ok: false, reason: 'scenario_exists' };
    if (ids.length >= this.#maxScenarios) return { ok: false, reason: 'too_many_scenarios' };
    const opening = (async () => {
      await mkdir(this.#folder(scenarioId), { recursive: true });
      const book = await ScenarioBook.create(join(this.#folder(scenarioId), BOOK), {
        ...record,
        id: scenarioId,
        createdAt: this.options.wall.now(),
      });
      return this.#start(scenarioId, book);
    })();
    const open = await this.#track(scenarioId, opening);
    if (!open) throw new Error(`scenario ${scenarioId} did not open`);
    return { ok: true, world: open.world };
  }

  /** The scenario's world, opened from its folder if need be; null when there is no such scenario. */
  async get(id: ScenarioId): Promise<World | null> {
    if (!isScenarioId(id)) return null;
    const known = this.#open.get(id);
    const open = known
      ? await this.#current(id, known)
      : await (this.#opening.get(id) ?? this.#track(id, this.#reopen(id)));
    if (open) open.lastUsedMs = this.options.wall.ms();
    return open?.world ?? null;
  }

  /**
   * The open world as other instances sharing the folder and the database may have left it
   * (docs/decisions/027): deleted (closed here, null), deleted and made again (reopened), reset
   * (its book re-read), its clock moved (re-read before every request).
   */
  async #current(id: ScenarioId, open: Open): Promise<Open | null> {
    const scenario = open.world.system.scenario;
    if (!scenario) return open;
    const made = scenario.book.current()?.createdAt;
    const state = await scenario.book.refresh();
    if (state === 'gone') {
      // Requests still in it here finish (they answer what a deleted scenario answers); the sweep closes it.
      if (open.inFlight === 0 && this.#open.get(id) === open) await this.#close(id, open);
      return null;
    }
    if (state === 'replaced' && scenario.book.current()?.createdAt !== made && open.inFlight === 0) {
      if (this.#open.get(id) === open) await this.#close(id, open);
      return this.#opening.get(id) ?? this.#track(id, this.#reopen(id));
    }
    await open.world.system.deps.clock.load();
    return open;
  }

  /** Runs a request in the world, which is not closed for idleness while a request is in it. */
  async serve(world: World, handle: () => Response | Promise<Response>): Promise<Response> {
    const open = this.#open.get(world.id);
    if (open) open.inFlight += 1;
    try {
      return await handle();
    } finally {
      if (open) {
        open.inFlight -= 1;
        open.lastUsedMs = this.options.wall.ms();
      }
    }
  }

  /** Every scenario on disk, with what it was made from. */
  async list(): Promise<ScenarioRecord[]> {
    const books = await Promise.all((await this.#ids()).map((id) => ScenarioBook.open(this.#bookFile(id))));
    await Promise.all(books.map((book) => book?.close()));
    return books.flatMap((book) => book?.current() ?? []).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Closes the world and removes its folder: its data, mail and card charges. False when there is none. */
  async delete(id: ScenarioId): Promise<boolean> {
    if (!isScenarioId(id)) return false;
    await this.#opening.get(id);
    const open = this.#open.get(id);
    if (open) await this.#close(id, open);
    else if (!(await this.#ids()).includes(id)) return false;
    await this.#remove(id);
    return true;
  }

  /** Closes the worlds idle too long, and deletes the scenarios abandoned (not the one kept). */
  async sweep(keep: ScenarioId | null): Promise<void> {
    await this.closeDeleted();
    const now = this.options.wall.ms();
    for (const [id, open] of this.#open) {
      if (open.inFlight === 0 && now - open.lastUsedMs > this.#idleMs) await this.#close(id, open);
    }
    for (const id of await this.#ids()) {
      if (id === keep || this.#open.has(id) || this.#opening.has(id)) continue;
      const used = await stat(this.#bookFile(id)).catch(() => null);
      if (used && now - used.mtimeMs > this.#abandonedMs) await this.#remove(id);
    }
  }

  /**
   * Closes the open worlds whose scenario another instance sharing the folder deleted: their jobs
   * would only meet a dropped schema. One stat per open world, so it can run every few seconds.
   */
  async closeDeleted(): Promise<void> {
    for (const [id, open] of this.#open) {
      if (open.inFlight > 0 || (await open.world.system.scenario?.book.refresh()) !== 'gone') continue;
      if (this.#open.get(id) === open) await this.#close(id, open);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.#opening.values());
    await Promise.all([...this.#open].map(([id, open]) => this.#close(id, open)));
  }

  async #track(id: ScenarioId, opening: Promise<Open | null>): Promise<Open | null> {
    this.#opening.set(id, opening);
    try {
      const open = await opening;
      if (open) this.#open.set(id, open);
      return open;
    } finally {
      this.#opening.delete(id);
    }
  }

  async #reopen(id: ScenarioId): Promise<Open | null> {
    const book = await ScenarioBook.open(this.#bookFile(id));
    if (!book) return null;
    // The book's time is when the scenario was last used: what an abandoned one is told by.
    const now = new Date(this.options.wall.ms());
    await utimes(this.#bookFile(id), now, now);
    return this.#start(id, book);
  }

  async #start(id: ScenarioId, book: ScenarioBook): Promise<Open> {
    await this.#makeRoom();
    const folder = this.#folder(id);
    const url = this.options.env.DATABASE_URL;
    const databaseSchema = url ? await migrateScenarioSchema(url, id).catch(closing(book)) : undefined;
    const system = await startSystem(
      {
        ...this.options.env,
        DATABASE_FILE: join(folder, 'planshift.sqlite'),
        MAILBOX_DIR: join(folder, 'mailbox'),
        // A scenario's e-mail always stays in its own mailbox.
        SMTP_URL: undefined,
        INSTANCE_ID: `${this.options.env.INSTANCE_ID}/${id}`,
      },
      {
        scenario: { id, book },
        pdfPool: this.options.pdfPool,
        log: this.options.log,
        metrics: this.options.metrics,
        ...(databaseSchema ? { databaseSchema } : {}),
      },
    ).catch(closing(book));
    const world: World = {
      id,
      system,
      app: createApp(system.deps, { ...system, httpMetrics: this.options.httpMetrics }),
    };
    return { world, stopJobs: startJobs(system, SCENARIO_JOBS), lastUsedMs: this.options.wall.ms(), inFlight: 0 };
  }

  /** Closes the least recently used idle world while as many as allowed are open. */
  async #makeRoom(): Promise<void> {
    while (this.#open.size >= this.#maxOpen) {
      const idle = [...this.#open].filter(([, open]) => open.inFlight === 0);
      if (idle.length === 0) return;
      const [id, open] = idle.reduce((a, b) => (b[1].lastUsedMs < a[1].lastUsedMs ? b : a));
      await this.#close(id, open);
    }
  }

  async #close(id: ScenarioId, open: Open): Promise<void> {
    this.#open.delete(id);
    await open.stopJobs();
    await open.world.system.close();
    await open.world.system.scenario?.book.close();
  }

  /**
   * Removes the scenario's folder, and its schema on PostgreSQL. The book goes first: another
   * instance sharing the folder then answers that the scenario is gone rather than use a
   * schema being dropped.
   */
  async #remove(id: ScenarioId): Promise<void> {
    await rm(this.#bookFile(id), { force: true });
    const url = this.options.env.DATABASE_URL;
    if (url) await dropScenarioSchema(url, id);
    await rm(this.#folder(id), { recursive: true, force: true });
  }

  async #ids(): Promise<ScenarioId[]> {
    try {
      return (await readdir(this.options.env.SCENARIOS_DIR, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  #folder(id: ScenarioId): string {
    return join(this.options.env.SCENARIOS_DIR, id);
  }

  #bookFile(id: ScenarioId): string {
    return join(this.#folder(id), BOOK);
  }
}

/** Lets go of the book's file when its world failed to start, then fails as it did. */
const closing =
  (book: ScenarioBook) =>
  async (error: unknown): Promise<never> => {
    await book.close();
    throw error;
  };
