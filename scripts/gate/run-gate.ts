/**
 * The offline gate (`npm test`): every check a deploy to a real org would make that we can make
 * without one. Prints each step's findings as `path:line:col: [checker] message`, its result and
 * time, then `Gate: N passed, N failed`; exits 1 on any failing step.
 *
 *   npm test                                  every step
 *   npm test -- --only soql,apex-semantic     just these (developers; CI never passes flags)
 *   npm test -- --skip jest-scripts           all but these
 *   npm test -- --root <dir>                  check another project directory
 */
import * as path from 'node:path';
import type { Finding } from './lib/finding';
import { formatFinding, isError } from './lib/finding';
import { javaProblem } from './lib/java';
import { STEPS } from './steps';
import type { Step } from './steps';

interface Options {
  root: string;
  steps: Step[];
  partial: boolean;
}

function parseArgs(argv: string[]): Options {
  let root = path.resolve(__dirname, '..', '..');
  let only: string[] | undefined;
  let skip: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) {
        throw new Error(`${flag} needs a value`);
      }
      return v;
    };
    if (flag === '--only') {
      only = value().split(',').filter(Boolean);
    } else if (flag === '--skip') {
      skip = value().split(',').filter(Boolean);
    } else if (flag === '--root') {
      root = path.resolve(value());
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  const known = new Set(STEPS.map((s) => s.name));
  const unknown = [...(only ?? []), ...skip].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`unknown step ${unknown.join(', ')} (steps: ${[...known].join(', ')})`);
  }
  const steps = STEPS.filter((s) => (only === undefined || only.includes(s.name)) && !skip.includes(s.name));
  return { root, steps, partial: steps.length !== STEPS.length };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

interface Outcome {
  findings: Finding[];
  info: string[];
  ms: number;
}

async function runStep(step: Step, root: string): Promise<Outcome> {
  const t0 = Date.now();
  try {
    const result = await step.run(root);
    return { findings: result.findings, info: result.info ?? [], ms: Date.now() - t0 };
  } catch (error) {
    // A checker that throws is a failed step with one line, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    return {
      findings: [{ checker: step.name, message: `could not run: ${message.split('\n')[0]}` }],
      info: [],
      ms: Date.now() - t0
    };
  }
}

/**
 * Starts every step in its lane: main-lane steps one after another; java-lane steps one after
 * another too, starting once every main-lane step declared before them (the build) has finished.
 */
function schedule(steps: Step[], root: string): Map<Step, Promise<Outcome>> {
  const outcomes = new Map<Step, Promise<Outcome>>();
  let mainTail: Promise<unknown> = Promise.resolve();
  let javaTail: Promise<unknown> | undefined;
  for (const step of steps) {
    const outcome = (step.lane === 'java' ? (javaTail ?? mainTail) : mainTail).then(() =>
      runStep(step, root)
    );
    if (step.lane === 'java') {
      javaTail = outcome;
    } else {
      mainTail = outcome;
    }
    outcomes.set(step, outcome);
  }
  return outcomes;
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`run-gate: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const started = Date.now();
  console.log(`Offline gate for ${options.root}`);
  const java = await javaProblem();
  if (java !== undefined) {
    console.log(`✘ java preflight — ${java}`);
  }
  if (options.partial) {
    console.log(`Partial run: ${options.steps.map((s) => s.name).join(', ')}`);
  }
  let passed = 0;
  let failed = 0;
  const outcomes = schedule(options.steps, options.root);
  for (const step of options.steps) {
    const outcome = outcomes.get(step);
    if (!outcome) {
      continue;
    }
    const { findings, info, ms } = await outcome;
    const elapsed = seconds(ms);
    const errors = findings.filter(isError);
    const warnings = findings.length - errors.length;
    const extra = warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
    if (errors.length === 0) {
      passed++;
      console.log(`✔ ${step.name} (${elapsed})${warnings > 0 ? ` — 0 findings${extra}` : ''}`);
    } else {
      failed++;
      console.log(
        `✘ ${step.name} (${elapsed}) — ${errors.length} finding${errors.length === 1 ? '' : 's'}${extra}`
      );
    }
    for (const finding of findings) {
      console.log(`  ${formatFinding(finding).replace(/\n/g, '\n    ')}`);
    }
    for (const line of info) {
      console.log(`  ${line}`);
    }
  }
  console.log(`Total ${seconds(Date.now() - started)}${options.partial ? ' (partial run)' : ''}`);
  console.log(`Gate: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`run-gate: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
);
