/**
 * Runs external tools with arguments as an array (no string concatenation), echoing their output live so
 * long steps show progress, and failing with what ran, where, and its exit code.
 *
 * cross-spawn rather than execFile: on Windows `sf` and `npm` are `.cmd` shims, which current Node refuses
 * to execFile without a shell (EINVAL, CVE-2024-27980); cross-spawn runs them through cmd.exe with each
 * argument escaped for it, and is plain spawn everywhere else.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import crossSpawn from 'cross-spawn';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const BIN_DIR = path.join(REPO_ROOT, 'node_modules', '.bin');

export interface Command {
  file: string;
  args: string[];
  /** What the step does, for progress lines and errors. */
  description: string;
}

export interface RunOptions {
  cwd?: string;
  /** Stream the tool's output to this process's stdout/stderr (default true). */
  echo?: boolean;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

export class CommandError extends Error {
  public readonly command: Command;
  public readonly exitCode: number | null;
  public readonly stdout: string;
  public readonly stderr: string;
  public constructor(
    command: Command,
    exitCode: number | null,
    stdout: string,
    stderr: string,
    reason: string
  ) {
    super(`${command.description} failed (${reason}): ${formatCommand(command)}`);
    this.name = 'CommandError';
    this.command = command;
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }
}

/** The sf CLI of this repository (node_modules/.bin/sf, which runs on the bundled Node 22), else PATH's. */
export function sfBinary(): string {
  const local = path.join(BIN_DIR, process.platform === 'win32' ? 'sf.cmd' : 'sf');
  return existsSync(local) ? local : 'sf';
}

export function npmBinary(): string {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** Shell-like rendering for logs only (never executed through a shell). */
export function formatCommand(command: Command): string {
  const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  const file = command.file.startsWith(REPO_ROOT) ? path.relative(REPO_ROOT, command.file) : command.file;
  return [file, ...command.args].map(quote).join(' ');
}

/** node_modules/.bin first on PATH, so `sf` (a `#!/usr/bin/env node` script) runs on the bundled Node 22. */
export function toolEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const current = process.env.PATH ?? '';
  return {
    ...process.env,
    PATH: current.split(path.delimiter).includes(BIN_DIR) ? current : `${BIN_DIR}${path.delimiter}${current}`,
    SF_DISABLE_TELEMETRY: process.env.SF_DISABLE_TELEMETRY ?? 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    ...extra
  };
}

export function run(command: Command, options: RunOptions = {}): Promise<RunResult> {
  const echo = options.echo ?? true;
  return new Promise((resolve, reject) => {
    const child = crossSpawn(command.file, command.args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? toolEnv(),
      windowsHide: true
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer =
      options.timeoutMs !== undefined && options.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            child.kill();
          }, options.timeoutMs)
        : undefined;
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      if (echo) process.stdout.write(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      if (echo) process.stderr.write(chunk);
    });
    let settled = false;
    const settle = (code: number | null, reason: string | undefined): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      const out = Buffer.concat(stdout).toString('utf8');
      const err = Buffer.concat(stderr).toString('utf8');
      if (reason === undefined) resolve({ stdout: out, stderr: err });
      else reject(new CommandError(command, code, out, err, reason));
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      settle(null, error.code === 'ENOENT' ? `${command.file} not found` : error.message);
    });
    child.on('close', (code, signal) => {
      if (timedOut) settle(code, 'timed out');
      else if (code === 0) settle(0, undefined);
      else settle(code, code !== null ? `exit code ${code}` : `killed by ${signal ?? 'a signal'}`);
    });
  });
}

/** Runs an `sf … --json` command and returns its `result` (sf prints one JSON object on stdout). */
export async function runSfJson<T>(command: Command, options: RunOptions = {}): Promise<T> {
  let result: RunResult;
  try {
    result = await run(command, { ...options, echo: false });
  } catch (error) {
    if (error instanceof CommandError) {
      const detail = sfErrorMessage(error.stdout) ?? error.stderr.trim().split('\n').slice(-3).join(' ');
      throw new Error(`${error.message}\n  ${detail}`);
    }
    throw error;
  }
  const parsed = parseSfJson(result.stdout);
  if (parsed === undefined)
    throw new Error(`${command.description}: sf printed no JSON: ${result.stdout.slice(0, 200)}`);
  return parsed.result as T;
}

export function parseSfJson(
  stdout: string
): { status?: number; result?: unknown; message?: string } | undefined {
  const start = stdout.indexOf('{');
  if (start === -1) return undefined;
  try {
    return JSON.parse(stdout.slice(start)) as { status?: number; result?: unknown; message?: string };
  } catch {
    return undefined;
  }
}

function sfErrorMessage(stdout: string): string | undefined {
  const parsed = parseSfJson(stdout);
  return typeof parsed?.message === 'string' ? parsed.message : undefined;
}
