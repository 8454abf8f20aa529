import { fork, type ChildProcess } from 'node:child_process';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** Messages between the benchmark and a server child (portico-server.ts, baseline-server.ts). */
export type ServerMessage =
  | { type: 'ready'; url: string }
  | { type: 'stats'; statements: number; gcMs: number; scavenges: number }
  | { type: 'failed'; error: string };
export type ParentMessage = { type: 'stats' } | { type: 'stop' };

/** A server in its own Node process, so its CPU per request is its own (/proc/<pid>/stat). */
export interface ServerChild {
  name: string;
  url: string;
  pid: number;
  /** SQL statements the server has sent so far (counted in the child). */
  statements(): Promise<number>;
  /** Statements, and the child's garbage collection so far: pause ms and young-generation collections. */
  stats(): Promise<{ statements: number; gcMs: number; scavenges: number }>;
  /** CPU ms of the whole process (every thread) so far. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Starts `entry` (a file of this folder) under swc-node like `npm run bench`, and waits for its URL. */
export async function startServerChild(name: string, entry: string, env: Record<string, string>): Promise<ServerChild> {
  const child = fork(fileURLToPath(new URL(entry, import.meta.url)), [], {
    // The young generation `npm start` gives Portico (package.json), for both servers alike.
    execArgv: ['--import', '@swc-node/register/esm-register', '--max-semi-space-size=32'],
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends ServerMessage['type']>(type: T) =>
    new Promise<Extract<ServerMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: ServerMessage) => {
        if (message.type === 'failed') finish(() => reject(new Error(`${name} server: ${message.error}`)));
        else if (message.type === type) finish(() => resolve(message as Extract<ServerMessage, { type: T }>));
      };
      const onExit = (code: number | null) => finish(() => reject(new Error(`${name} server exited (${code})`)));
      const finish = (settle: () => void) => {
        child.off('message', onMessage);
        child.off('exit', onExit);
        settle();
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  const send = (message: ParentMessage) => child.send(message);
  const { url } = await next('ready');
  const pid = child.pid!;
  const stats = async () => {
    const answer = next('stats');
    send({ type: 'stats' });
    const { statements, gcMs, scavenges } = await answer;
    return { statements, gcMs, scavenges };
  };
  return {
    name,
    url,
    pid,
    async statements() {
      return (await stats()).statements;
    },
    stats,
    cpuMs: () => processCpuMs(pid),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      send({ type: 'stop' });
      await exited;
    },
  };
}

/** In a child: answers the parent's requests and reports a failed start. */
export function serveParent(statements: () => number, stop: () => Promise<void>): void {
  // Garbage per request, measured as the collector's pauses (all kinds) and the number of scavenges.
  let gcMs = 0;
  let scavenges = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      if (((entry as { detail?: { kind?: number } }).detail)?.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stats') process.send!({ type: 'stats', statements: statements(), gcMs, scavenges } satisfies ServerMessage);
    else if (message.type === 'stop') void stop().finally(() => process.exit(0));
  });
  // The benchmark died: do not linger.
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
}

export function reportReady(url: string): void {
  process.send!({ type: 'ready', url } satisfies ServerMessage);
}

export function reportFailure(error: unknown): never {
  process.send!({ type: 'failed', error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies ServerMessage);
  process.exit(1);
}

/** /proc counts CPU in clock ticks of USER_HZ, which is 100 on Linux. */
const TICK_MS = 10;

/** Fields of /proc/<pid>/stat after the command (which may hold spaces): [state, ppid, ...]. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone meanwhile
  }
}

/** utime + stime (+ cutime + cstime: children already waited for) in ms. Fields 14-17 of stat(5). */
function cpuOf(fields: string[], withChildren: boolean): number {
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [number, number, number, number];
  return (utime + stime + (withChildren ? cutime + cstime : 0)) * TICK_MS;
}

export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  if (!fields) throw new Error(`process ${pid} is gone`);
  return cpuOf(fields, false);
}

/**
 * CPU of a whole PostgreSQL cluster: the postmaster (with its exited children, which it waits for)
 * plus every live child (backends, checkpointer, walwriter…). The postmaster is the parent of a
 * backend of ours; undefined when that is not visible here (a server on another machine or in
 * another pid namespace).
 */
export async function postgresCpuMeter(db: pg.Pool): Promise<(() => number) | undefined> {
  const { rows } = await db.query<{ pid: number }>('select pg_backend_pid() as pid');
  const backend = statFields(rows[0]!.pid);
  if (!backend) return undefined;
  const postmaster = Number(backend[1]);
  if (!statFields(postmaster)) return undefined;
  return () => {
    let total = cpuOf(statFields(postmaster)!, true);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = statFields(entry);
      if (fields && Number(fields[1]) === postmaster) total += cpuOf(fields, false);
    }
    return total;
  };
}
