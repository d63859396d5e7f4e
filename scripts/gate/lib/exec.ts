import { spawn } from 'node:child_process';
import * as path from 'node:path';

/** The gate's own node_modules/.bin (the project checked may be a copy without dependencies). */
export const GATE_BIN = path.resolve(__dirname, '..', '..', '..', 'node_modules', '.bin');

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not start (e.g. ENOENT) or was killed on timeout. */
  error?: string;
}

export interface ExecOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs a command without a shell, collecting its output; never throws. */
export function run(command: string, args: string[], options: ExecOptions): Promise<ExecResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill('SIGKILL');
            finish({ code: null, stdout, stderr, error: `timed out after ${options.timeoutMs} ms` });
          }, options.timeoutMs);
    const finish = (result: ExecResult): void => {
      if (!settled) {
        settled = true;
        if (timer) {
          clearTimeout(timer);
        }
        resolve(result);
      }
    };
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      finish({
        code: null,
        stdout,
        stderr,
        error: err.code === 'ENOENT' ? `${command} not found` : err.message
      })
    );
    child.on('close', (code) => finish({ code, stdout, stderr }));
  });
}

/**
 * Runs `npm run <script>` in root. The repository's node_modules/.bin goes first on PATH so the
 * pinned tools (and Node 22 from the `node` package) are used, as `npm run` itself would.
 */
export function runNpmScript(
  root: string,
  script: string,
  extraArgs: string[] = [],
  timeoutMs = 600_000
): Promise<ExecResult> {
  const args = ['run', '--silent', script, ...(extraArgs.length > 0 ? ['--', ...extraArgs] : [])];
  const env = {
    ...process.env,
    FORCE_COLOR: '0',
    PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`
  };
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: root, env, timeoutMs });
}

/** The last lines of a command's output, for a failure message. */
export function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Strips ANSI colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
