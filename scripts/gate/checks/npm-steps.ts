import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { GATE_BIN, run, runNpmScript, stripAnsi, tail } from '../lib/exec';
import { prepareEslintCache } from './eslint-cache';

function scriptMissing(root: string, checker: string, script: string): Finding | undefined {
  const pkgFile = path.join(root, 'package.json');
  const scripts = fs.existsSync(pkgFile)
    ? ((JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {})
    : {};
  const command = scripts[script];
  if (command === undefined) {
    return { checker, file: 'package.json', message: `no "${script}" script in package.json` };
  }
  // `ts-node … scripts/x.ts`: say which entry file is missing instead of showing ts-node's stack.
  const entry = /\s(scripts\/\S+\.ts)\b/.exec(command)?.[1];
  if (entry !== undefined && !fs.existsSync(path.join(root, entry))) {
    return { checker, file: entry, message: `${entry} does not exist yet (npm run ${script} needs it)` };
  }
  return undefined;
}

/** One finding holding the end of a failed command's output. */
function commandFailure(
  checker: string,
  what: string,
  output: string,
  code: number | null,
  error?: string
): Finding {
  return { checker, message: `${what} failed (${error ?? `exit ${code}`}):\n${tail(stripAnsi(output), 25)}` };
}

/** `npm run build`: the build engineer's scripts/build/build.ts (types + LWC compile). */
export async function checkBuild(root: string): Promise<CheckResult> {
  const missing = scriptMissing(root, 'build', 'build');
  if (missing) {
    return { findings: [missing] };
  }
  const result = await runNpmScript(root, 'build');
  if (result.code === 0) {
    return { findings: [] };
  }
  return {
    findings: [
      commandFailure('build', 'npm run build', result.stdout + result.stderr, result.code, result.error)
    ]
  };
}

/** Parses `prettier --check` output: `[warn] file` (not formatted) and `[error] file: SyntaxError … (l:c)`. */
export function parsePrettierOutput(output: string): Finding[] {
  const findings: Finding[] = [];
  for (const raw of stripAnsi(output).split('\n')) {
    const warned = /^\[warn\] (.+)$/.exec(raw)?.[1];
    if (warned !== undefined && !/^Code style issues|^Checking formatting/.test(warned)) {
      findings.push({
        checker: 'prettier',
        file: warned,
        message: 'not formatted (run npx prettier --write on it)'
      });
      continue;
    }
    const error = /^\[error\] ([^:\s]+\.[^:\s]+): (.*?)(?: \((\d+):(\d+)\))?$/.exec(raw);
    if (!error && raw.startsWith('[error] ')) {
      findings.push({ checker: 'prettier', message: raw.slice('[error] '.length) });
      continue;
    }
    if (error) {
      findings.push({
        checker: 'prettier',
        file: error[1],
        line: error[3] ? Number(error[3]) : undefined,
        col: error[4] ? Number(error[4]) : undefined,
        message: error[2] ?? raw
      });
    }
  }
  return findings;
}

/**
 * `prettier --check .` (TS, Apex via prettier-plugin-apex, XML via @prettier/plugin-xml; .prettierignore applies).
 * In a project with node_modules, prettier keeps a content-keyed cache there, as ESLint and tsc do, so a warm
 * re-run checks only the files that changed (15 s → 3 s measured); a fresh `npm ci` starts it empty.
 */
export async function checkPrettier(root: string): Promise<CheckResult> {
  // Not prettier's default location: a plain `prettier` run (an editor, `npm run format`) deletes that file.
  const cacheFile = path.join(root, 'node_modules', '.cache', 'gate', 'prettier-cache');
  const cache = fs.existsSync(path.join(root, 'node_modules'))
    ? ['--cache', '--cache-strategy', 'content', '--cache-location', cacheFile]
    : [];
  const result = await run(path.join(GATE_BIN, 'prettier'), ['--check', ...cache, '.'], {
    cwd: root,
    timeoutMs: 300_000
  });
  const findings = parsePrettierOutput(result.stdout + '\n' + result.stderr);
  if (result.code !== 0 && findings.length === 0) {
    findings.push(
      commandFailure('prettier', 'prettier --check', result.stdout + result.stderr, result.code, result.error)
    );
  }
  return { findings };
}

/** Parses tsc diagnostics `file(line,col): error TSnnnn: message`. */
export function parseTscOutput(root: string, output: string): Finding[] {
  const findings: Finding[] = [];
  for (const line of stripAnsi(output).split('\n')) {
    const match = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim());
    if (match) {
      findings.push({
        checker: 'typecheck',
        file: relativePath(root, path.resolve(root, match[1] ?? '')),
        line: Number(match[2]),
        col: Number(match[3]),
        message: `${match[4]}: ${match[5]}`
      });
    } else if (/error TS\d+:/.test(line)) {
      findings.push({ checker: 'typecheck', message: line.trim() });
    }
  }
  return findings;
}

/** `npm run typecheck`: strict tsc over scripts and lwc-src with the generated types. */
export async function checkTypes(root: string): Promise<CheckResult> {
  const missing = scriptMissing(root, 'typecheck', 'typecheck');
  if (missing) {
    return { findings: [missing] };
  }
  const result = await runNpmScript(root, 'typecheck');
  const findings = parseTscOutput(root, result.stdout + '\n' + result.stderr);
  if (result.code !== 0 && findings.length === 0) {
    findings.push(
      commandFailure(
        'typecheck',
        'npm run typecheck',
        result.stdout + result.stderr,
        result.code,
        result.error
      )
    );
  }
  return { findings };
}

interface EslintFileResult {
  filePath: string;
  messages: { line?: number; column?: number; ruleId: string | null; message: string; severity: number }[];
}

/** `npm run lint -- --format json` (eslint . with the build engineer's eslint.config.mjs). */
export async function checkEslint(root: string): Promise<CheckResult> {
  const missing = scriptMissing(root, 'eslint', 'lint');
  if (missing) {
    return { findings: [missing] };
  }
  const cacheKept = prepareEslintCache(root);
  const result = await runNpmScript(root, 'lint', ['--format', 'json']);
  const start = result.stdout.indexOf('[');
  let files: EslintFileResult[];
  try {
    files = JSON.parse(start >= 0 ? result.stdout.slice(start) : '') as EslintFileResult[];
  } catch {
    return {
      findings: [commandFailure('eslint', 'eslint', result.stdout + result.stderr, result.code, result.error)]
    };
  }
  const findings: Finding[] = files.flatMap((file) =>
    file.messages.map((m) => ({
      checker: 'eslint',
      file: relativePath(root, file.filePath),
      line: m.line,
      col: m.column,
      message: `${m.message.split('\n')[0] ?? ''}${m.ruleId ? ` (${m.ruleId})` : ''}`,
      severity: m.severity === 2 ? ('error' as const) : ('warning' as const)
    }))
  );
  if (result.code !== 0 && !findings.some((f) => f.severity === 'error')) {
    findings.push(commandFailure('eslint', 'eslint', result.stderr, result.code, result.error));
  }
  return {
    findings,
    info: [
      `${files.length} files linted (${cacheKept ? 'cache kept: no type input changed' : 'cache emptied: type inputs changed'})`
    ]
  };
}

interface JestReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    status: string;
    message: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

/** Findings from a Jest `--json` report: each failed test, each suite that failed to run, zero tests. */
export function parseJestReport(root: string, checker: string, report: JestReport): CheckResult {
  const findings: Finding[] = [];
  for (const suite of report.testResults) {
    const file = relativePath(root, suite.name);
    const failed = suite.assertionResults.filter((a) => a.status === 'failed');
    for (const test of failed) {
      const text = stripAnsi(test.failureMessages.join('\n'));
      const base = path.basename(suite.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const at = new RegExp(`${base}:(\\d+):(\\d+)`).exec(text);
      const firstLines = text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .slice(0, 3)
        .map((l) => l.trim())
        .join(' | ');
      findings.push({
        checker,
        file,
        line: at ? Number(at[1]) : undefined,
        col: at ? Number(at[2]) : undefined,
        message: `${test.fullName}: ${firstLines}`
      });
    }
    if (suite.status === 'failed' && failed.length === 0) {
      findings.push({
        checker,
        file,
        message: `test suite failed to run: ${tail(stripAnsi(suite.message), 12)}`
      });
    }
  }
  if (report.numTotalTests === 0) {
    findings.push({ checker, message: 'no tests ran: zero tests is a failure' });
  }
  return {
    findings,
    info: [
      `${report.numPassedTests}/${report.numTotalTests} tests passed in ${report.testResults.length} files`
    ]
  };
}

/** Lines a test printed as `Figure: …`, without the prefix. */
export function figureLines(output: string): string[] {
  return stripAnsi(output)
    .split('\n')
    .map((line) => /^\s*Figure: (.+)$/.exec(line)?.[1]?.trim())
    .filter((figure): figure is string => figure !== undefined);
}

/**
 * Runs a Jest suite with one worker per core. Jest keeps a core for its parent process by default (one
 * worker on two cores), but the parent only waits while workers run: jest-scripts 53 s → 39 s measured.
 */
async function checkJest(root: string, checker: string, script: string): Promise<CheckResult> {
  const missing = scriptMissing(root, checker, script);
  if (missing) {
    return { findings: [missing] };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gate-${checker}-`));
  const outputFile = path.join(dir, 'report.json');
  try {
    const result = await runNpmScript(root, script, [
      '--ci',
      `--maxWorkers=${os.availableParallelism()}`,
      '--json',
      `--outputFile=${outputFile}`
    ]);
    if (!fs.existsSync(outputFile)) {
      return {
        findings: [
          commandFailure(
            checker,
            `npm run ${script}`,
            result.stdout + result.stderr,
            result.code,
            result.error
          )
        ]
      };
    }
    const parsed = parseJestReport(
      root,
      checker,
      JSON.parse(fs.readFileSync(outputFile, 'utf8')) as JestReport
    );
    if (result.code !== 0 && parsed.findings.length === 0) {
      parsed.findings.push(
        commandFailure(checker, `npm run ${script}`, result.stdout + result.stderr, result.code, result.error)
      );
    }
    // Measured figures a test prints as "Figure: …" (e.g. the phone-key oracle's agreement) belong in the summary.
    parsed.info = [...(parsed.info ?? []), ...figureLines(result.stdout + result.stderr)];
    return parsed;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run test:lwc` (sfdx-lwc-jest over lwc-src). */
export function checkJestLwc(root: string): Promise<CheckResult> {
  return checkJest(root, 'jest-lwc', 'test:lwc');
}

/** `npm run test:scripts` (ts-jest over scripts/**\/*.test.ts, including the gate's self-test). */
export function checkJestScripts(root: string): Promise<CheckResult> {
  return checkJest(root, 'jest-scripts', 'test:scripts');
}
