// npx tsx bench/profile-summary.ts FILE.cpuprofile [FROM TO] [FOCUS...] — what a V8 CPU profile
// (node --cpu-prof) spent its time on: busy share per second (to pick the window of a load), then,
// for the samples between FROM and TO seconds (the busiest stretch by default), self time by
// package or source file and by function, and inclusive time of each function (and of each FOCUS,
// a function name, counted once per sample however deep it recurs).
import { readFileSync } from 'node:fs';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

const [file, fromArg, toArg, ...focus] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [FROM TO] [FOCUS...]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);
const times: number[] = [];
let t = 0;
for (const delta of profile.timeDeltas) {
  t += delta;
  times.push(t / 1e6);
}

// Busy share per second.
const perSecond = new Map<number, { busy: number; all: number }>();
profile.samples.forEach((id, i) => {
  const second = Math.floor(times[i] ?? 0);
  const slot = perSecond.get(second) ?? { busy: 0, all: 0 };
  slot.all += 1;
  if ((byId.get(id)?.callFrame.functionName ?? '') !== '(idle)') slot.busy += 1;
  perSecond.set(second, slot);
});
console.log(
  'busy per second:',
  [...perSecond.entries()].map(([s, v]) => `${s}:${Math.round((100 * v.busy) / v.all)}%`).join(' '),
);

let from = Number(fromArg);
let to = Number(toArg);
if (!Number.isFinite(from) || !Number.isFinite(to)) {
  // The longest run of seconds at least 80% busy.
  let best: [number, number] = [0, 0];
  let start: number | null = null;
  const seconds = [...perSecond.keys()].sort((a, b) => a - b);
  for (const s of [...seconds, Number.POSITIVE_INFINITY]) {
    const v = perSecond.get(s);
    const busy = v ? v.busy / v.all >= 0.8 : false;
    if (busy && start === null) start = s;
    if (!busy && start !== null) {
      if (s - start > best[1] - best[0]) best = [start, s];
      start = null;
    }
  }
  [from, to] = best;
}

const label = (f: CallFrame) => {
  const where = f.url.replace(/^file:\/\//, '');
  const pkg = where.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  const short = pkg ? `${pkg}` : where.replace(/^.*\/(bff|shared)\//, '$1/');
  return { fn: `${f.functionName || '(anon)'} ${short}:${f.lineNumber + 1}`, file: short || f.functionName };
};

const selfFn = new Map<string, number>();
const selfFile = new Map<string, number>();
const inclusive = new Map<string, number>();
const focusHits = new Map<string, number>();
// Each busy sample by the nearest frame of the project's own code (bff/src, shared/src) above it.
const owner = new Map<string, number>();
let total = 0;
let busy = 0;
profile.samples.forEach((id, i) => {
  const at = times[i] ?? 0;
  if (at < from || at >= to) return;
  total += 1;
  const node = byId.get(id);
  if (!node) return;
  const name = node.callFrame.functionName;
  if (name === '(idle)') return;
  busy += 1;
  const { fn, file } = label(node.callFrame);
  selfFn.set(fn, (selfFn.get(fn) ?? 0) + 1);
  selfFile.set(IDLE.has(name) ? name : file, (selfFile.get(IDLE.has(name) ? name : file) ?? 0) + 1);
  let own = '(no project frame)';
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const frame = byId.get(n)?.callFrame;
    if (frame && /\/(bff|shared)\/src\//.test(frame.url)) {
      own = label(frame).fn;
      break;
    }
  }
  if (IDLE.has(name)) own = name;
  owner.set(own, (owner.get(own) ?? 0) + 1);
  const seen = new Set<string>();
  const seenFocus = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const frame = byId.get(n)?.callFrame;
    if (!frame) break;
    const key = label(frame).fn;
    if (!seen.has(key)) {
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
    }
    for (const f of focus) {
      if (frame.functionName === f && !seenFocus.has(f)) {
        seenFocus.add(f);
        focusHits.set(f, (focusHits.get(f) ?? 0) + 1);
      }
    }
  }
});

const pct = (n: number) => `${((100 * n) / Math.max(1, busy)).toFixed(1).padStart(5)}%`;
const top = (m: Map<string, number>, k: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, n]) => `  ${pct(n)}  ${name}`)
    .join('\n');
console.log(
  `window ${from}–${to} s: ${total} samples, ${busy} busy (${((100 * busy) / Math.max(1, total)).toFixed(0)}%); shares below are of the busy samples`,
);
console.log(`self time by package or file:\n${top(selfFile, 30)}`);
console.log(`self time by function:\n${top(selfFn, 45)}`);
console.log(`inclusive time by function:\n${top(inclusive, 70)}`);
console.log(`self time by the nearest project frame:\n${top(owner, 40)}`);
if (focus.length > 0) console.log(`focus (inclusive):\n${top(focusHits, focus.length)}`);
