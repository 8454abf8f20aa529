import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/smtp-test-server.js';
import { DataDirectoryInUseError, EmbeddedPostgres, LOCK_FILE, PASSWORD_FILE, passwordOnly } from './embedded-postgres.js';

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The error code of a connection attempt, or 'connected'. */
async function connectionError(url: string): Promise<string> {
  try {
    await query(url, 'select 1');
    return 'connected';
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  }
}

const alive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].startsWith('Z');
  } catch {
    return false;
  }
};

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Talks the PostgreSQL wire protocol with node's builtins only (runs as any user): sends a startup
 * packet for user postgres over TCP and over the Unix socket and reports what the server answers,
 * e.g. `auth 10` (SASL: a password is required) or `auth 0` (let in without one), or the error.
 */
const PROBE = `
import net from 'node:net';
import { readFileSync } from 'node:fs';
const [port, socketPath, passwordFile] = process.argv.slice(2);
const startup = (options) => new Promise((resolve) => {
  const socket = net.createConnection(options);
  socket.once('error', (e) => resolve('error ' + e.code));
  socket.once('connect', () => {
    const params = Buffer.from('user\\0postgres\\0database\\0postgres\\0\\0');
    const message = Buffer.alloc(8 + params.length);
    message.writeInt32BE(message.length, 0);
    message.writeInt32BE(196608, 4);
    params.copy(message, 8);
    socket.write(message);
  });
  socket.once('data', (data) => {
    socket.destroy();
    resolve(data[0] === 0x52 ? 'auth ' + data.readInt32BE(5) : 'message ' + String.fromCharCode(data[0]));
  });
});
let passwordFileAccess;
try { readFileSync(passwordFile); passwordFileAccess = 'read'; } catch (e) { passwordFileAccess = 'error ' + e.code; }
console.log(JSON.stringify({
  tcp: await startup({ host: '127.0.0.1', port: Number(port) }),
  socket: await startup({ path: socketPath }),
  passwordFile: passwordFileAccess,
}));
`;

describe('embedded PostgreSQL: locked down, one user of a data directory, restarts after crashes', () => {
  let dataDir: string;
  let port: number;
  let url: string;
  let cluster: string;
  let current: EmbeddedPostgres | undefined;
  const scratch: string[] = [];
  const start = async () => {
    current = new EmbeddedPostgres({ dataDir, port });
    url = await current.start();
    return current;
  };
  const stop = async () => {
    await current?.stop();
    current = undefined;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'portico-pg-safety-'));
    chmodSync(dataDir, 0o755);
    port = await freePort();
    await start();
    cluster = current!.directory!;
    await query(url, "create table kept (value text); insert into kept values ('before')");
  });
  afterAll(async () => {
    await stop();
    for (const dir of [dataDir, ...scratch]) rmSync(dir, { recursive: true, force: true });
  });

  it('needs a password, kept in the data directory with mode 0600, and listens on loopback and a private socket only', async () => {
    const passwordFile = join(dataDir, PASSWORD_FILE);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    const password = readFileSync(passwordFile, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(new URL(url).password).toBe(password);

    const withoutPassword = new URL(url);
    withoutPassword.password = '';
    expect(await connectionError(withoutPassword.toString())).not.toBe('connected');
    const wrongPassword = new URL(url);
    wrongPassword.password = 'not-the-password';
    expect(await connectionError(wrongPassword.toString())).toBe('28P01');
    expect(await connectionError(url)).toBe('connected');

    expect(passwordOnly(readFileSync(join(cluster, 'pg_hba.conf'), 'utf8'))).toBe(true);
    // postmaster.pid: line 5 = socket directory, line 6 = listen address
    const [, , , , socketDir, listen] = readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n');
    expect(socketDir).toBe(current!.socketDirectory);
    expect(listen).toBe('127.0.0.1');
    expect(statSync(socketDir).mode & 0o777).toBe(0o700);
    expect(existsSync(join(socketDir, `.s.PGSQL.${port}`))).toBe(true);
  });

  it.runIf(userInfo().uid === 0)('a local user who is not Portico\'s cannot connect, over TCP or the socket, nor read the password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-probe-'));
    scratch.push(dir);
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'probe.mjs'), PROBE, { mode: 0o644 });
    const args = [join(dir, 'probe.mjs'), String(port), join(current!.socketDirectory!, `.s.PGSQL.${port}`), join(dataDir, PASSWORD_FILE)];
    const probe = (asNobody: boolean) => {
      const result = asNobody
        ? spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, ...args], { encoding: 'utf8', cwd: dir })
        : spawnSync(process.execPath, args, { encoding: 'utf8', cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as Record<string, string>;
    };
    // As the server's own side (root), the socket is there and the server asks for a password (SASL)…
    expect(probe(false)).toEqual({ tcp: 'auth 10', socket: 'auth 10', passwordFile: 'read' });
    // …and nobody gets the password demand over TCP (no trust), no way to the socket, no password.
    expect(probe(true)).toEqual({ tcp: 'auth 10', socket: 'error EACCES', passwordFile: 'error EACCES' });
  });

  it('refuses a second start on the same data directory while the first runs, touching nothing', async () => {
    const lock = readFileSync(join(dataDir, LOCK_FILE), 'utf8');
    expect(lock.split('\n')[0]).toBe(String(process.pid));
    const second = new EmbeddedPostgres({ dataDir, port: await freePort() });
    const refused = await second.start().then(() => undefined, (error: Error) => error);
    expect(refused).toBeInstanceOf(DataDirectoryInUseError);
    expect(refused!.message).toContain(`process ${process.pid}`);
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(lock);
    expect(await query(url, 'select value from kept')).toEqual([{ value: 'before' }]);
  });

  it('leaves this cluster\'s PostgreSQL alone while a live Node process runs it; stops it once that process died, and starts with its data', async () => {
    // This cluster's server, started exactly as Portico starts it, by a Node process that does not
    // take portico.pid (an older Portico) and does not stop it when it dies (no pdeathsig).
    const postmasterPid = Number(readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const argv = readFileSync(`/proc/${postmasterPid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    await stop();
    const owner = statSync(cluster);
    const ids = userInfo().uid === 0 ? { uid: owner.uid, gid: owner.gid } : {};
    const parent = spawn(process.execPath, ['-e', `
      const [command, ...args] = JSON.parse(process.argv[1]);
      require('node:child_process').spawn(command, args, { stdio: 'ignore', env: { ...process.env, LC_ALL: 'C' }, ...JSON.parse(process.argv[2]) });
      setInterval(() => {}, 60_000);`, JSON.stringify(argv), JSON.stringify(ids)], { stdio: 'ignore' });
    try {
      await waitFor(async () => (await connectionError(url)) === 'connected', 'the PostgreSQL run by another Node process');
      await query(url, "insert into kept values ('written meanwhile')");
      const postmaster = Number(readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);
      writeFileSync(join(dataDir, LOCK_FILE), `${spawnSync('true').pid}\n1\n`); // a dead process's lock

      const refused = await new EmbeddedPostgres({ dataDir, port }).start().then(() => undefined, (error: Error) => error);
      expect(refused).toBeInstanceOf(DataDirectoryInUseError);
      expect(refused!.message).toContain(`(process ${postmaster}) is run by process ${parent.pid} (`);
      expect(alive(postmaster)).toBe(true);
      expect(await connectionError(url)).toBe('connected');

      // kill -9 of that Node process: its PostgreSQL is an orphan now, and the next start stops it.
      parent.kill('SIGKILL');
      await waitFor(() => !alive(parent.pid!), 'the Node process to die');
      await start();
      expect(alive(postmaster)).toBe(false);
      expect(await query(url, 'select value from kept order by value')).toEqual([{ value: 'before' }, { value: 'written meanwhile' }]);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('never touches a process that is not this cluster\'s PostgreSQL, even when a stale postmaster.pid or portico.pid names it', async () => {
    await stop();
    // A live process that even calls itself postgres, in another directory (a reused pid after a reboot).
    const dir = mkdtempSync(join(tmpdir(), 'portico-foreign-'));
    scratch.push(dir);
    symlinkSync('/bin/sleep', join(dir, 'postgres'));
    const foreign = spawn(join(dir, 'postgres'), ['60'], { cwd: dir, stdio: 'ignore' });
    try {
      await waitFor(() => readFileSync(`/proc/${foreign.pid}/comm`, 'utf8').trim() === 'postgres', 'the foreign process');
      writeFileSync(join(cluster, 'postmaster.pid'), `${foreign.pid}\n${cluster}\n1700000000\n${port}\n\n127.0.0.1\n  1  2\nready   \n`);
      if (userInfo().uid === 0) spawnSync('chown', [`${statSync(cluster).uid}:${statSync(cluster).gid}`, join(cluster, 'postmaster.pid')]);
      writeFileSync(join(dataDir, LOCK_FILE), `${foreign.pid}\n1\n`); // live pid, but not the process that wrote the file

      await start();
      expect(alive(foreign.pid!)).toBe(true);
      expect(await query(url, 'select count(*)::int as n from kept')).toEqual([{ n: 2 }]);
    } finally {
      foreign.kill('SIGKILL');
    }
  });

  it('switches a cluster made by an earlier version (trust, no password file) to passwords, keeping its data', async () => {
    await stop();
    const hba = join(cluster, 'pg_hba.conf');
    const { uid, gid } = statSync(hba);
    writeFileSync(hba, 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal replication all trust\n');
    if (userInfo().uid === 0) spawnSync('chown', [`${uid}:${gid}`, hba]);
    const oldPassword = readFileSync(join(dataDir, PASSWORD_FILE), 'utf8');
    rmSync(join(dataDir, PASSWORD_FILE));
    rmSync(join(dataDir, LOCK_FILE), { force: true });

    await start();
    const password = readFileSync(join(dataDir, PASSWORD_FILE), 'utf8');
    expect(password).not.toBe(oldPassword);
    expect(statSync(join(dataDir, PASSWORD_FILE)).mode & 0o777).toBe(0o600);
    expect(passwordOnly(readFileSync(hba, 'utf8'))).toBe(true);
    const withoutPassword = new URL(url);
    withoutPassword.password = '';
    expect(await connectionError(withoutPassword.toString())).not.toBe('connected');
    expect(await query(url, 'select count(*)::int as n from kept')).toEqual([{ n: 2 }]);
  });

  it('reads pg_hba.conf: only scram (or reject) rules count as password-only', () => {
    expect(passwordOnly('# comment\nlocal all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n')).toBe(true);
    expect(passwordOnly('host all all 127.0.0.1 255.255.255.255 scram-sha-256\nhost all all 0.0.0.0/0 reject')).toBe(true);
    expect(passwordOnly('local all all scram-sha-256\nhost all all 127.0.0.1/32 trust\n')).toBe(false);
    expect(passwordOnly('local all all peer\n')).toBe(false);
    expect(passwordOnly('host all all 127.0.0.1 255.255.255.255 md5\n')).toBe(false);
    expect(passwordOnly('# nothing\n')).toBe(false);
  });
});
