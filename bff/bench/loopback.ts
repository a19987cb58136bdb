// What the benches share: a BFF child process on a free loopback port, and timed HTTP requests
// that may only go to 127.0.0.1.
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export type ChildBff = Readonly<{ base: string; child: ChildProcess; stderr: () => string }>;

/** Starts `src/server.ts` of the BFF in `dir` as `npm start` does, and waits until /api/health answers. */
export async function startBff(dir: string, env: Record<string, string>): Promise<ChildBff> {
  const port = await freePort();
  // BENCH_PROFILE=1: each BFF writes a CPU profile to /tmp/bench-profile (or BENCH_PROFILE_DIR) when
  // it ends (on SIGINT), sampled every BENCH_PROFILE_INTERVAL µs (V8's default 1000 misses short calls).
  const profile = process.env.BENCH_PROFILE
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR ?? '/tmp/bench-profile'}`,
        `--cpu-prof-interval=${process.env.BENCH_PROFILE_INTERVAL ?? 1000}`,
      ]
    : [];
  const child = spawn(
    process.execPath,
    [...profile, '--min-semi-space-size=64', '--max-semi-space-size=64', '--import', 'tsx', 'src/server.ts'],
    { cwd: dir, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const base = `http://127.0.0.1:${port}`;
  // Up to two minutes: on a machine loaded by other work, compiling with tsx alone can take most of one.
  for (let i = 0; i < 1200 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child, stderr: () => stderr };
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the BFF in ${dir} did not start: ${stderr}`);
}

/** An answer, or status 0 when the request failed or took longer than its timeout. */
export type Answer = Readonly<{ status: number; headers: IncomingHttpHeaders; body: Buffer; ms: number }>;

export type Call = Readonly<{ method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number }>;

/** One request on a kept-alive socket of `agent`, timed from sending to the last byte; never rejects. */
export function timed(agent: Agent, url: string, call: Call = {}): Promise<Answer> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error(`benches only call 127.0.0.1, not ${target.hostname}`);
  const started = performance.now();
  return new Promise((resolve) => {
    const failed = () => resolve({ status: 0, headers: {}, body: Buffer.alloc(0), ms: performance.now() - started });
    const req = httpRequest(
      target,
      {
        agent,
        method: call.method ?? 'GET',
        headers: {
          ...call.headers,
          ...(call.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(call.body)) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - started;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms });
        });
        res.on('error', failed);
      },
    );
    req.setTimeout(call.timeoutMs ?? 30_000, () => req.destroy());
    req.on('error', failed);
    req.end(call.body);
  });
}

/** Sockets kept open between requests, as a browser or a load balancer keeps them. */
export function keepAlive(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 256 });
}

/** The value below which `p` (0–1) of the sorted values fall. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/** Runs `work` in `loops` parallel loops until `deadline` (performance.now()) or `maxEach` rounds each. */
export async function inLoops(
  loops: number,
  deadline: number,
  maxEach: number,
  work: (loop: number, round: number) => Promise<void>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      for (let round = 0; round < maxEach && performance.now() < deadline; round++) await work(loop, round);
    }),
  );
}

export type HealthProbe = Readonly<{
  /** Calls /api/health every `everyMs` until `deadline`; answers each call's latency (ms), sorted. */
  sample: (everyMs: number, deadline: number) => Promise<number[]>;
}>;

/**
 * Opens `connections` kept-alive connections for health calls, before the load starts: each call
 * then goes out when due on an open connection, and times how long the server takes to come to
 * it, not calls queued behind one another on one connection, nor how soon a busy server accepts
 * a new connection (one per turn of its event loop).
 */
export async function healthProbe(base: string, connections = 64): Promise<HealthProbe> {
  // First in, first out: each connection is used every `connections` calls, before the server's
  // 5-second keep-alive timeout could close it.
  const agent = new Agent({ keepAlive: true, maxSockets: connections, scheduling: 'fifo' });
  await Promise.all(Array.from({ length: connections }, () => timed(agent, `${base}/api/health`)));
  return {
    sample: async (everyMs, deadline) => {
      const samples: Promise<number>[] = [];
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (performance.now() >= deadline) {
            clearInterval(timer);
            resolve();
            return;
          }
          samples.push(timed(agent, `${base}/api/health`).then((answer) => answer.ms));
        }, everyMs);
      });
      const latencies = (await Promise.all(samples)).sort((a, b) => a - b);
      agent.destroy();
      return latencies;
    },
  };
}
