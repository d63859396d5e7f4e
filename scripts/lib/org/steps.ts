/**
 * Steps shared by `npm run org:create` and `npm start`: build, deploy, assign permission sets — with a
 * progress line per step ([n/N] what … done in s) and errors that name the step.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CommandError, formatCommand, parseSfJson, run, REPO_ROOT } from '../cli/exec';
import { Command } from '../cli/exec';
import { assignPermsetCommand, buildCommand, deployCommand, setupPagePath } from './commands';

export class Progress {
  private step = 0;
  public constructor(
    private readonly total: number,
    private readonly out: NodeJS.WritableStream = process.stdout
  ) {}

  public async run<T>(title: string, work: () => Promise<T>): Promise<T> {
    this.step += 1;
    const started = Date.now();
    this.out.write(`\n[${this.step}/${this.total}] ${title}\n`);
    const result = await work();
    this.out.write(`[${this.step}/${this.total}] done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return result;
  }

  public note(line: string): void {
    this.out.write(`      ${line}\n`);
  }

  /** For steps that print nothing while they work (sf --json): a line every `everyMs` so CI logs move. */
  public async heartbeat<T>(label: string, work: Promise<T>, everyMs = 30_000): Promise<T> {
    const started = Date.now();
    const timer = setInterval(() => {
      this.note(`… still ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
    }, everyMs);
    try {
      return await work;
    } finally {
      clearInterval(timer);
    }
  }
}

export async function runStep(command: Command, progress: Progress): Promise<void> {
  progress.note(`$ ${formatCommand(command)}`);
  await run(command);
}

export async function build(progress: Progress): Promise<void> {
  await runStep(buildCommand(), progress);
}

export async function deploy(targetOrg: string, progress: Progress): Promise<void> {
  await runStep(deployCommand(targetOrg), progress);
}

/**
 * Permission sets present in source (so a renamed/missing one is reported, not silently skipped): the packaged
 * ones and those kept in unpackaged/ because a package can't carry them.
 */
export function permissionSetsInSource(): Set<string> {
  const dirs = [
    path.join(REPO_ROOT, 'force-app', 'main', 'access', 'permissionsets'),
    path.join(REPO_ROOT, 'unpackaged', 'main', 'permissionsets')
  ];
  return new Set(
    dirs
      .filter((dir) => existsSync(dir))
      .flatMap((dir) => readdirSync(dir))
      .filter((f) => f.endsWith('.permissionset-meta.xml'))
      .map((f) => f.replace('.permissionset-meta.xml', ''))
  );
}

interface AssignResult {
  successes?: { name: string; value: string }[];
  failures?: { name: string; message: string }[];
}

/** "Already assigned" is success for a re-run; anything else fails the step. */
export function assignmentProblems(result: AssignResult | undefined): string[] {
  return (result?.failures ?? [])
    .filter((f) => !/duplicate|already/i.test(f.message))
    .map((f) => `${f.name}: ${f.message}`);
}

export async function assignPermissionSets(
  targetOrg: string,
  names: readonly string[],
  progress: Progress
): Promise<void> {
  const inSource = permissionSetsInSource();
  const missing = names.filter((n) => !inSource.has(n));
  if (missing.length > 0) {
    throw new Error(
      `permission set(s) ${missing.join(', ')} not found in force-app/main/access/permissionsets/ or unpackaged/main/permissionsets/`
    );
  }
  const command = assignPermsetCommand(targetOrg, names);
  command.args.push('--json');
  progress.note(`$ ${formatCommand(command)}`);
  let stdout: string;
  try {
    stdout = (await run(command, { echo: false })).stdout;
  } catch (error) {
    // sf exits non-zero when any assignment fails, duplicates included: read its JSON anyway.
    if (!(error instanceof CommandError)) throw error;
    stdout = error.stdout;
  }
  const parsed = parseSfJson(stdout);
  const result = parsed?.result as AssignResult | undefined;
  if (parsed === undefined) throw new Error(`assigning ${names.join(', ')}: sf printed no JSON`);
  if (result === undefined && parsed.status !== 0) {
    throw new Error(`assigning ${names.join(', ')}: ${parsed.message ?? 'sf failed'}`);
  }
  const problems = assignmentProblems(result);
  if (problems.length > 0) throw new Error(`assigning permission sets failed: ${problems.join('; ')}`);
  progress.note(`assigned (or already had): ${names.join(', ')}`);
}

/** Tab names the package ships (force-app/**\/tabs/*.tab-meta.xml). */
export function tabNamesInSource(): string[] {
  const names: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 6 || !existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.name.endsWith('.tab-meta.xml')) names.push(entry.name.replace('.tab-meta.xml', ''));
    }
  };
  walk(path.join(REPO_ROOT, 'force-app'), 0);
  return names.sort();
}

export function setupPath(): string {
  return setupPagePath(tabNamesInSource());
}
