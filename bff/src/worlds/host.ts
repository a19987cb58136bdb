import { createRoute, z } from '@hono/zod-openapi';
import {
  SCENARIO_COOKIE,
  SCENARIO_HEADER,
  type ScenarioId,
  type ScenarioView,
  scenarioIdSchema,
  scenarioListViewSchema,
  scenarioViewSchema,
} from '@planshift/shared/api';
import { instantToIso } from '@planshift/shared/periods';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { parse as parseCookies } from 'hono/utils/cookie';
import { getPath } from 'hono/utils/url';
import type { App } from '../app';
import { jsonBody as jsonBodyChecks } from '../http/json-body';
import { errorHandler } from '../http/on-error';
import { errors, json, jsonBody, router } from '../http/openapi';
import { refuse } from '../http/refuse';
import { securityHeaders } from '../http/security-headers';
import type { Logger } from '../observability/logger';
import { requestLogging } from '../observability/request-logging';
import { refusal } from '../refusal';
import { SCENARIO_NAMES } from '../scenarios';
import { newScenarioSchema, personasOf, sourceRecord } from '../scenarios/scenario-source';
import type { ScenarioRegistry, World } from './scenario-registry';

const idParam = z.object({ id: scenarioIdSchema });

/** The process's own routes: the real world answers them, whatever scenario a request names. */
const PROCESS_PATHS: ReadonlySet<string> = new Set(['/api/health', '/api/ready', '/metrics']);

const SCENARIOS_DESCRIPTION =
  'A scenario is a world of its own (docs/decisions/018): its accounts, data, clock, card processor and mailbox. Absent in production.';

/**
 * The BFF outside production (docs/decisions/018): it makes and removes scenarios' worlds, and
 * hands each request to the world it acts in: the scenario its Planshift-Scenario header names,
 * else its planshift_scenario cookie's, else the real world.
 */
export function createHost(
  real: App,
  registry: ScenarioRegistry,
  options: Readonly<{ defaultScenario: ScenarioId | null; log: Logger; httpMetrics?: MiddlewareHandler }>,
) {
  const host = router();
  // The host's own routes log and count here; the requests it hands to a world, in that world's app.
  const observed = [...requestLogging(options.log), ...(options.httpMetrics ? [options.httpMetrics] : [])];
  host.use('/api/test/scenarios', ...observed, securityHeaders, jsonBodyChecks);
  host.use('/api/test/scenarios/*', ...observed, securityHeaders, jsonBodyChecks);

  const view = (world: World): ScenarioView => {
    const record = world.system.scenario?.book.current();
    if (!record) throw new Error(`scenario ${world.id} has no book`);
    const now = world.system.deps.clock.now();
    return {
      id: world.id,
      name: record.name,
      createdAt: record.createdAt,
      clock: { now, iso: instantToIso(now), frozen: world.system.deps.clock.frozenAt() !== null },
      personas: personasOf(record.scenario),
    };
  };
  const notFound = (c: Context, id: string) =>
    refuse(c, refusal('scenario_not_found', `No scenario ${id}: it may have been deleted.`, SCENARIO_HEADER));

  host
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/test/scenarios',
        summary: 'Make a scenario from a named or inline one: its world, seeded, with its own clock',
        description: SCENARIOS_DESCRIPTION,
        request: { body: jsonBody(newScenarioSchema) },
        responses: {
          201: json(scenarioViewSchema, 'Made; send its id as the Planshift-Scenario header to act in it'),
          ...errors(400, 409, 415, 422, 429),
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const source = sourceRecord(body);
        if (!source.ok) return refuse(c, source.refusal);
        const made = await registry.create(source.record, body.id);
        if (!made.ok) {
          return made.reason === 'scenario_exists'
            ? refuse(c, refusal('scenario_exists', `A scenario ${body.id} exists already.`, 'id'))
            : refuse(c, refusal('too_many_scenarios', 'Too many scenarios exist: delete some first.'));
        }
        return c.json(view(made.world), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/test/scenarios',
        summary: 'The scenarios that exist, and the named ones a new one can be made from',
        description: SCENARIOS_DESCRIPTION,
        responses: { 200: json(scenarioListViewSchema, 'The scenarios, oldest first') },
      }),
      async (c) => {
        const scenarios = (await registry.list()).flatMap(({ id, name, createdAt }) =>
          id ? [{ id, name, createdAt }] : [],
        );
        return c.json({ scenarios, names: SCENARIO_NAMES }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/test/scenarios/{id}',
        summary: 'A scenario: its clock and its personas',
        description: SCENARIOS_DESCRIPTION,
        request: { params: idParam },
        responses: { 200: json(scenarioViewSchema, 'The scenario'), ...errors(400, 404) },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const world = await registry.get(id);
        return world ? c.json(view(world), 200) : notFound(c, id);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/api/test/scenarios/{id}',
        summary: 'Delete a scenario: its data, mail and card charges; its users are signed out',
        description: SCENARIOS_DESCRIPTION,
        request: { params: idParam },
        responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return (await registry.delete(id)) ? c.body(null, 204) : notFound(c, id);
      },
    );

  let document: unknown;
  host.get('/api/openapi.json', async (c) => {
    document ??= await mergedDocument(real, host);
    return c.json(document as object);
  });

  host.all('*', async (c) => {
    // Liveness, readiness and metrics are the process's: a probe's stray scenario cookie or header changes nothing.
    if (PROCESS_PATHS.has(c.req.path)) return real.fetch(c.req.raw, c.env);
    const named = c.req.header(SCENARIO_HEADER);
    if (named !== undefined) {
      const world = scenarioIdSchema.safeParse(named).success ? await registry.get(named) : null;
      return world ? registry.serve(world, () => world.app.fetch(c.req.raw, c.env)) : notFound(c, named);
    }
    const remembered = getCookie(c, SCENARIO_COOKIE);
    if (remembered !== undefined) {
      const world = scenarioIdSchema.safeParse(remembered).success ? await registry.get(remembered) : null;
      if (world) return registry.serve(world, () => world.app.fetch(c.req.raw, c.env));
      // The scenario is gone: the browser forgets it and is answered by the real world, which
      // has no session for it and so sends it to sign in.
      deleteCookie(c, SCENARIO_COOKIE, { path: '/' });
      const answer = await real.fetch(c.req.raw, c.env);
      const forgotten = new Response(answer.body, answer);
      for (const cookie of c.res.headers.getSetCookie()) forgotten.headers.append('Set-Cookie', cookie);
      return forgotten;
    }
    // The development sign-in page lists the personas of the portal's own scenario.
    if (c.req.path === '/api/test/personas' && options.defaultScenario) {
      const world = await registry.get(options.defaultScenario);
      if (world) return registry.serve(world, () => world.app.fetch(c.req.raw, c.env));
    }
    return real.fetch(c.req.raw, c.env);
  });
  host.onError(errorHandler(options.log));

  // A request acting in an open world is handed to it without a dispatch of the host's own: Hono's
  // routing, context and middleware chain, run twice, were a sixth of a quote's CPU time. Anything
  // else (the host's routes, the process's, an unknown or closed scenario, a forgotten cookie) takes
  // the host's routes above, which answer it as before.
  const dispatch = host.fetch;
  host.fetch = async (request, env, executionCtx) => {
    const world = await worldNamedBy(request, registry);
    return world ? registry.serve(world, () => world.app.fetch(request, env)) : dispatch(request, env, executionCtx);
  };
  return host;
}

/** Paths the host answers itself, or hands to the real world whatever the request names. */
const isHostPath = (path: string) =>
  PROCESS_PATHS.has(path) || path.startsWith('/api/test/scenarios') || path === '/api/openapi.json';

/**
 * The open world a request names, as the host's catch-all route would choose it (header, else
 * cookie); null for anything that route decides otherwise, or when the world cannot be had.
 */
async function worldNamedBy(request: Request, registry: ScenarioRegistry): Promise<World | null> {
  if (isHostPath(getPath(request))) return null;
  const named = request.headers.get(SCENARIO_HEADER);
  const cookies = named === null ? request.headers.get('cookie') : null;
  const id = named ?? (cookies === null ? undefined : parseCookies(cookies, SCENARIO_COOKIE)[SCENARIO_COOKIE]);
  if (id === undefined || !scenarioIdSchema.safeParse(id).success) return null;
  // A world that fails to open is left to the host's route, which tries once more and answers a
  // second failure through its error handler (logged, a 500 with the BFF's error body).
  return registry.get(id).catch(() => null);
}

/** The real world's API document, with the host's scenario routes beside its own. */
async function mergedDocument(real: App, host: ReturnType<typeof router>) {
  const world = (await (await real.request('/api/openapi.json')).json()) as {
    paths: Record<string, unknown>;
    components?: { schemas?: Record<string, unknown> };
  };
  const own = host.getOpenAPI31Document({ openapi: '3.1.0', info: { title: '', version: '' } });
  return {
    ...world,
    paths: { ...world.paths, ...own.paths },
    components: {
      ...world.components,
      schemas: { ...world.components?.schemas, ...own.components?.schemas },
    },
  };
}
