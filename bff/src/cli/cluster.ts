// A whole local cluster in one command, as the README's "Several instances on PostgreSQL" runs it
// in production: a throwaway PostgreSQL, its migrations once, N built BFFs sharing one database,
// one SESSION_SECRET and one data folder, and HAProxy in front (deploy/haproxy.cfg).
//   npm run cluster -w bff                    2 instances behind http://127.0.0.1:8080
//   CLUSTER_INSTANCES=3 CLUSTER_PORT=9000 npm run cluster -w bff
// The instances listen on the ports after the proxy's. Ctrl-C (or SIGTERM) stops everything:
// the proxy, each instance gracefully, then PostgreSQL, whose data goes with it.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { wallMs } from '../clock';
import { migratePostgres } from '../db/migrate-pg';
import { repoPath } from '../paths';
import { startPgCluster } from '../testing/pg-cluster';
import { haproxyConfig } from './haproxy-config';

const settings = z
  .object({
    CLUSTER_INSTANCES: z.coerce.number().int().min(1).max(16).default(2),
    CLUSTER_PORT: z.coerce.number().int().min(1).max(65_000).default(8080),
    /** The instances' shared folder (scenarios' worlds, the development mailbox); a fresh one by default. */
    CLUSTER_DATA_DIR: z.string().min(1).optional(),
    SESSION_SECRET: z.string().min(32).optional(),
  })
  .parse(process.env);

const children: ChildProcess[] = [];
let stopping = false;

/** Runs a process, its output prefixed with its name. */
function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`[cluster] ${name} exited (${signal ?? code}) while the cluster runs`);
  });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** Waits until the URL answers 200 (or the process behind it has exited). */
async function answering(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = wallMs() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${url}: its process exited`);
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (wallMs() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Fails unless consecutive requests through the proxy are answered by every instance in turn. */
async function checkSpread(proxy: string, instances: readonly string[]): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < instances.length * 2; i++) {
    const response = await fetch(`${proxy}/api/health`);
    seen.push(response.headers.get('x-instance') ?? '(none)');
  }
  const missing = instances.filter((instance) => !seen.includes(instance));
  if (missing.length > 0) throw new Error(`the proxy sent no request to ${missing.join(', ')}: ${seen.join(' ')}`);
}

const database = await startPgCluster();
const dataDir = settings.CLUSTER_DATA_DIR ?? (await mkdtemp(join(tmpdir(), 'planshift-cluster-')));
const ownDataDir = settings.CLUSTER_DATA_DIR === undefined;
const configFile = join(await mkdtemp(join(tmpdir(), 'planshift-haproxy-')), 'haproxy.cfg');

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    // The proxy first (no new requests), then each instance gracefully, then the database under them.
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map(exited));
    await database.stop();
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    await rm(join(configFile, '..'), { recursive: true, force: true });
    console.log('[cluster] stopped');
  }
  process.exit(code);
}
// Exiting without stop() (an uncaught error): startPgCluster's own exit hook stops PostgreSQL; this removes the folders.
process.once('exit', () => {
  if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  rmSync(join(configFile, '..'), { recursive: true, force: true });
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const applied = await migratePostgres(database.url);
  console.log(`[cluster] PostgreSQL ${database.url}: applied ${applied.length} migrations`);
  const secret = settings.SESSION_SECRET ?? randomBytes(32).toString('base64url');
  const instances: string[] = [];
  // One after the other: outside production an instance makes the development portal's scenario
  // when it is missing, and the second finds it made.
  for (let i = 1; i <= settings.CLUSTER_INSTANCES; i++) {
    const port = settings.CLUSTER_PORT + i;
    const instance = `bff${i}`;
    const child = run(instance, process.execPath, [repoPath('bff/dist/server.js')], {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      INSTANCE_ID: instance,
      SESSION_SECRET: secret,
      // Unused on PostgreSQL but for the folders beside it: scenarios' worlds and the mailbox.
      DATABASE_FILE: join(dataDir, 'planshift.sqlite'),
      SCENARIOS_DIR: join(dataDir, 'scenarios'),
      MAILBOX_DIR: join(dataDir, 'mailbox'),
      TRUST_PROXY_HOPS: '1',
    });
    await answering(`http://127.0.0.1:${port}/api/ready`, child);
    instances.push(instance);
  }
  const template = await readFile(repoPath('deploy/haproxy.cfg'), 'utf8');
  await writeFile(
    configFile,
    haproxyConfig(template, {
      port: settings.CLUSTER_PORT,
      servers: instances.map((name, i) => ({ name, port: settings.CLUSTER_PORT + i + 1 })),
    }),
  );
  const proxy = `http://127.0.0.1:${settings.CLUSTER_PORT}`;
  const haproxy = run('haproxy', 'haproxy', ['-db', '-f', configFile]);
  await answering(`${proxy}/api/ready`, haproxy);
  await checkSpread(proxy, instances);
  console.log(`[cluster] ${instances.length} instances behind ${proxy} (data in ${dataDir})`);
} catch (error) {
  console.error(`[cluster] could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
