import { execFile, execFileSync } from 'node:child_process';
import { access, chown, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL for tests and CI: Debian's server binaries run in a fresh temporary
 * directory on a free port of 127.0.0.1, with trust authentication and without fsync (a test's
 * data need not survive a power cut). The first start on a machine runs initdb (2 s) for a
 * template kept in the temporary directory; later ones copy it and start in about 0.4 s.
 * `stop` removes the server's directory.
 */
export interface PgCluster {
  /** The directory holding the data, the socket and the server's log. */
  dir: string;
  port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` of the database made at start. */
  url: string;
  /** Makes another empty database on this server and answers its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const ROOT = '/usr/lib/postgresql';
const DATABASE = 'planshift';

/** The newest installed major version's bin directory (Debian keeps each under its number). */
async function serverBinaries(): Promise<string> {
  const versions = await readdir(ROOT).catch(() => [] as string[]);
  const newestFirst = versions.filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const version of newestFirst) {
    const bin = join(ROOT, version, 'bin');
    if ((await readdir(bin).catch(() => [] as string[])).includes('initdb')) return bin;
  }
  throw new Error(`No PostgreSQL server under ${ROOT}/*/bin: install it (apt-get install postgresql)`);
}

/** initdb and the server refuse to run as root: as root, run them as the `postgres` user. */
const asRoot = () => process.getuid?.() === 0;

function runServerCommand(command: string, args: string[]) {
  return asRoot() ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const urlOf = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;

async function createDatabaseOn(port: number, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: urlOf(port, 'postgres') });
  await client.connect();
  try {
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  return urlOf(port, name);
}

/** Stops the server in `dir` at once and removes the directory; a no-op when already gone. */
export async function stopPgCluster(dir: string): Promise<void> {
  const bin = await serverBinaries();
  await runServerCommand(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']).catch(
    () => undefined,
  );
  await rm(dir, { recursive: true, force: true });
}

/** `outliveProcess`: leave the server running when this process exits (a command line starts it). */
export async function startPgCluster(options: { outliveProcess?: boolean } = {}): Promise<PgCluster> {
  const bin = await serverBinaries();
  const dir = await ownedTempDir();
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  // If this process ends without stopping it (a crashed test run), the server goes with it.
  const stopAtExit = () => {
    try {
      const pgCtl = join(bin, 'pg_ctl');
      const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
      if (asRoot()) execFileSync('runuser', ['-u', 'postgres', '--', pgCtl, ...args], { stdio: 'ignore' });
      else execFileSync(pgCtl, args, { stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
    execFileSync('rm', ['-rf', dir]);
  };
  if (!options.outliveProcess) process.once('exit', stopAtExit);
  try {
    // A copy of an initialised cluster, as its owner (cp -a keeps modes): initdb itself takes 2 s.
    await runServerCommand('cp', ['-a', await initialisedCluster(bin), data]);
    const port = await startServer(bin, dir, data, log);
    const url = await createDatabaseOn(port, DATABASE);
    return {
      dir,
      port,
      url,
      createDatabase: (name) => createDatabaseOn(port, name),
      stop: async () => {
        process.removeListener('exit', stopAtExit);
        await stopPgCluster(dir);
      },
    };
  } catch (error) {
    process.removeListener('exit', stopAtExit);
    const serverLog = await readFile(log, 'utf8').catch(() => '');
    await stopPgCluster(dir);
    throw new Error(`PostgreSQL did not start: ${String(error)}\n${serverLog}`);
  }
}

/**
 * A cluster fresh from initdb, made once per machine and server version and copied for each
 * server (initdb takes 2 s, a copy a tenth of that). It is made aside and renamed into place, so
 * processes starting servers at once never copy half of one.
 */
async function initialisedCluster(bin: string): Promise<string> {
  const template = join(tmpdir(), `planshift-pg-initdb-${basename(dirname(bin))}-${process.getuid?.() ?? 'user'}`);
  if (
    await access(join(template, 'PG_VERSION')).then(
      () => true,
      () => false,
    )
  )
    return template;
  const staging = await ownedTempDir();
  try {
    await runServerCommand(join(bin, 'initdb'), [
      ...['-D', join(staging, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8'],
      ...['--no-locale', '--no-sync', '--no-instructions'],
    ]);
    // Another process may have put its own in place meanwhile: then this one is dropped.
    await rename(join(staging, 'data'), template).catch(() => undefined);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return template;
}

/** A new temporary directory the server's user owns. */
async function ownedTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'planshift-pg-'));
  if (asRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    await chown(dir, uid, gid);
  }
  return dir;
}

/** Starts the server on a free port; another process may take the port first, so try again then. */
async function startServer(bin: string, dir: string, data: string, log: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const settings = [
      `port=${port}`,
      'listen_addresses=127.0.0.1',
      `unix_socket_directories=${dir}`,
      'fsync=off',
      'synchronous_commit=off',
      'full_page_writes=off',
      'max_connections=200',
    ];
    try {
      await runServerCommand(join(bin, 'pg_ctl'), [
        ...['-D', data, '-l', log, '-w', '-t', '60'],
        ...['-o', settings.map((s) => `-c ${s}`).join(' '), 'start'],
      ]);
      return port;
    } catch (error) {
      const serverLog = await readFile(log, 'utf8').catch(() => '');
      if (attempt >= 3 || !/could not (bind|create listen)/i.test(serverLog)) throw error;
    }
  }
}
