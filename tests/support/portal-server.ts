import { spawn } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../../scripts/server-node-flags.mjs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repo root: the child processes run from there so `server/...` and `tsx` resolve. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface PortalServerOptions {
  /** Seed the demo company on an empty database (default true). */
  seed?: boolean;
  /** STATIC_DIR for the PWA; default: a folder that does not exist (API only). */
  staticDir?: string;
  /** Reuse a database file (e.g. to restart on the same data); default: a new temp dir. */
  databasePath?: string;
  env?: Record<string, string>;
}

export interface PortalServer {
  url: string;
  port: number;
  /** The server process's id (to send it signals). */
  pid: number;
  databasePath: string;
  stop(): Promise<void>;
  /** SIGKILL: the process dies mid-whatever, as in a power cut (no shutdown code runs). */
  kill(): Promise<void>;
  /** Resolves with the exit code once the process has ended (null when a signal ended it). */
  exited(): Promise<number | null>;
  /** What the process printed so far (stdout and stderr): each JSON log line as its message. */
  output(): string;
  /** What it printed so far, as it printed it (JSON log lines). */
  rawOutput(): string;
}

/** The server's log as text: each JSON line's `msg` (and `err`'s message), other lines as they are. */
function logText(raw: string): string {
  return raw
    .split('\n')
    .map((line) => {
      if (!line.startsWith('{')) return line;
      try {
        const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
        return [entry.msg, entry.err?.message].filter((p) => p !== undefined).join(' ');
      } catch {
        return line;
      }
    })
    .join('\n');
}

/** The server's JSON log lines (other lines left out). */
export function logEntries(raw: string): Array<Record<string, unknown>> {
  return raw.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/** A new, empty database on the PostgreSQL server `adminUrl` names; resolves its URL. */
export async function freshPostgresDatabase(adminUrl: string, prefix = 'seat_portal_test'): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh SQLite file path in its own temp dir. */
export function tempDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'seat-portal-')), 'portal.db');
}

/**
 * Starts the real server (`node --import tsx server/main.ts`, with the flags `npm start` gives it) as a child process on a free port
 * with a real SQLite file, and resolves once it prints its "listening on" line.
 */
export function startPortalServer(opts: PortalServerOptions = {}): Promise<PortalServer> {
  const databasePath = opts.databasePath ?? tempDatabasePath();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: `sqlite:${databasePath}`,
      SEED: opts.seed === false ? '0' : '1',
      // Whatever the shell running the tests has set: loopback and plain HTTP unless a test says otherwise.
      HOST: '',
      TLS: '',
      STATIC_DIR: opts.staticDir ?? join(dirname(databasePath), 'no-pwa-built'),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  };
  return new Promise((resolvePromise, reject) => {
    const timeout = setTimeout(() => {
      void stop();
      reject(new Error(`portal server did not start within 30 s:\n${logText(output)}`));
    }, 30_000);
    // Only the lines up to "listening" are read as they come (each whole line once); later chunks
    // are only kept. Reading the whole output again on every chunk made the test process (the
    // bench's load generator too) spend its time parsing the server's per-request log lines.
    let pending = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      const match = lines
        .map((line) => /Seat Portal listening on (https?:\/\/\S+):(\d+)\r?$/.exec(logText(line)))
        .find((m) => m !== null);
      if (!match) return;
      child.stdout.off('data', onData);
      child.stdout.on('data', (later: Buffer) => {
        output += later.toString();
      });
      clearTimeout(timeout);
      const port = Number(match[2]);
      // Its own origin as it prints it: http://localhost:PORT for the demo, https://ADDRESS:PORT on the network.
      const url = `${match[1]}:${port}`;
      const kill = async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGKILL');
        await exited;
      };
      resolvePromise({
        url,
        port,
        pid: child.pid!,
        databasePath,
        stop,
        kill,
        exited: () => exited,
        output: () => logText(output),
        rawOutput: () => output,
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`portal server exited (${code}) before listening:\n${logText(output)}`));
    });
  });
}

/** One run of a command line of the server's (`cli` = npm run vendor, `admin-cli` = npm run admin) with --json. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `server/<entry>.ts` with `args` and --json on DATABASE_URL `databaseUrl`, `env` added; resolves when it exits. */
export function runCli(
  entry: 'cli' | 'admin-cli',
  databaseUrl: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `server/${entry}.ts`, ...args, '--json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Runs the vendor CLI with --json on that database (a SQLite path or a postgres:// URL), `env` added; resolves its parsed output. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever each command prints
export async function runVendor(databasePath: string, args: string[], env: Record<string, string> = {}): Promise<any> {
  const databaseUrl = /^postgres(ql)?:\/\//.test(databasePath) ? databasePath : `sqlite:${databasePath}`;
  const { code, stdout, stderr } = await runCli('cli', databaseUrl, args, env);
  if (code !== 0) throw new Error(`vendor ${args.join(' ')} exited ${code}: ${stderr.trim() || stdout.trim()}`);
  try {
    return JSON.parse(stdout);
  } catch {
    throw new Error(`vendor ${args.join(' ')} printed no JSON: ${stdout}`);
  }
}

/** Signs in and returns the session token (throws with the error body otherwise). */
export async function apiLogin(url: string, email: string, password: string, companyId = 'CodeGlass'): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ companyId, email, password }),
  });
  const body = (await res.json()) as { token?: string };
  if (!res.ok || !body.token) throw new Error(`sign-in as ${email} failed (${res.status}): ${JSON.stringify(body)}`);
  return body.token;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on (and schema-parse) the body
  body: any;
}

/** One API call: path under /api/v1 (e.g. '/licenses'); body sent as JSON; answer parsed when JSON. */
export async function api(
  url: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** Runs the operator's CLI (`npm run admin`) with --json on DATABASE_URL `databaseUrl`; resolves its exit code and parsed output. */
export async function runAdmin(
  databaseUrl: string,
  args: string[],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever each command prints
): Promise<{ code: number | null; output: any }> {
  const { code, stdout, stderr } = await runCli('admin-cli', databaseUrl, args);
  const text = (code === 0 ? stdout : stderr).trim();
  try {
    return { code, output: JSON.parse(text) };
  } catch {
    return { code, output: text }; // not JSON (a crash): keep the text
  }
}
