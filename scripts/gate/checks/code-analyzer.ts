import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import type { EngineLogEvent } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { javaProblem } from '../lib/java';
import { packageDirs } from '../lib/project';

const CHECKER = 'code-analyzer';

/**
 * PMD rules only (the Flow engine errors offline; ESLint runs as its own step). `pmd:Security` and
 * `pmd:Recommended` as the issue asks; `pmd:AppExchange` adds the security-review rules (hard-coded
 * credentials, install handlers, XML rules such as protocol-security-less remote sites) that are not
 * tagged Recommended.
 */
export const RULE_SELECTORS = [
  'pmd:Security',
  'pmd:Recommended',
  'pmd:AppExchange',
  'pmd:MethodNamingConventionsWithTestSentences'
];

/**
 * Our own PMD ruleset: MethodNamingConventions with its test-method pattern widened to accept the
 * project's `it_should_…` test-name sentences; every other method name keeps the camelCase rule.
 */
const CUSTOM_RULESETS = [path.join(__dirname, '..', 'pmd', 'method-naming.xml')];

/**
 * Rules switched off, each with why. A rule added here needs a reason that would convince a
 * security reviewer; low-severity style rules only print, so they rarely need silencing.
 */
export const DISABLED_RULES: Record<string, string> = {
  MethodNamingConventions:
    'replaced by MethodNamingConventionsWithTestSentences (pmd/method-naming.xml): same rule, but the ' +
    'it_should_… test method names our conventions ask for are not flagged'
};

/** Rules with more lower-severity hits than this print as one summary row. */
const TABLE_RULE_LIMIT = 20;

/** Fails at any severity: a limit hit inside a loop is a production outage, not style. */
const ALWAYS_FAILING_RULES = new Set(['OperationWithLimitsInLoop']);

export interface Violation {
  file?: string;
  line?: number;
  col?: number;
  rule: string;
  severity: number;
  message: string;
}

/** Splits violations into failing findings and a printed table of the rest. */
export function judgeViolations(root: string, violations: Violation[]): CheckResult {
  const findings: Finding[] = [];
  const rest: Violation[] = [];
  for (const v of violations) {
    if (v.severity <= 2 || ALWAYS_FAILING_RULES.has(v.rule)) {
      findings.push({
        checker: CHECKER,
        file: v.file ? relativePath(root, v.file) : undefined,
        line: v.line,
        col: v.col,
        message: `${v.rule} (severity ${v.severity}): ${v.message}`
      });
    } else {
      rest.push(v);
    }
  }
  // A rule hit in more than TABLE_RULE_LIMIT places (e.g. ApexUnitTestClassShouldHaveRunAs on every
  // test method) gets one summary row, so the table stays readable; every other hit gets its own row.
  const perRule = new Map<string, Violation[]>();
  for (const v of rest) {
    perRule.set(v.rule, [...(perRule.get(v.rule) ?? []), v]);
  }
  const rows = [...perRule.entries()]
    .flatMap(([rule, hits]) =>
      hits.length > TABLE_RULE_LIMIT
        ? [
            {
              where: `(${new Set(hits.map((v) => v.file)).size} files)`,
              severity: `sev ${hits[0]?.severity ?? ''}`,
              rule,
              message: `${hits.length} places, e.g. ${relativePath(root, hits[0]?.file ?? '')}:${hits[0]?.line ?? 0}: ${hits[0]?.message ?? ''}`
            }
          ]
        : hits.map((v) => ({
            where: `${v.file ? relativePath(root, v.file) : '(project)'}:${v.line ?? 0}`,
            severity: `sev ${v.severity}`,
            rule: v.rule,
            message: v.message
          }))
    )
    .sort((a, b) => a.where.localeCompare(b.where, 'en', { numeric: true }));
  const width = (pick: (row: (typeof rows)[number]) => string): number =>
    Math.max(0, ...rows.map((r) => pick(r).length));
  const [whereWidth, severityWidth, ruleWidth] = [
    width((r) => r.where),
    width((r) => r.severity),
    width((r) => r.rule)
  ];
  const table = rows.map(
    (r) =>
      `${r.where.padEnd(whereWidth)}  ${r.severity.padEnd(severityWidth)}  ${r.rule.padEnd(ruleWidth)}  ${r.message}`
  );
  const info = rest.length > 0 ? [`${rest.length} lower-severity violations (not failing):`, ...table] : [];
  return { findings, info };
}

type EnginePlugin = Parameters<CodeAnalyzer['addEnginePlugin']>[0];
type RuleSelection = Awaited<ReturnType<CodeAnalyzer['selectRules']>>;

export interface AnalyzerRunOptions {
  /** Prefix of the temporary log/working folder, removed after the run. */
  tempPrefix: string;
  /** Engine settings for the Code Analyzer config (`engines:`). */
  engines: Record<string, unknown>;
  plugins: EnginePlugin[];
  selectors: string[];
}

export interface AnalyzerRun {
  selection: RuleSelection;
  violations: Violation[];
  /** Engine log messages at error level. */
  engineErrors: string[];
}

/**
 * One Code Analyzer run (core + engine plugins, no CLI plugin) over the package directories, with
 * DISABLED_RULES switched off. Both the gate's PMD step and the security scan use it.
 */
export async function runCodeAnalyzer(root: string, options: AnalyzerRunOptions): Promise<AnalyzerRun> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), options.tempPrefix));
  try {
    const config = CodeAnalyzerConfig.fromObject(
      {
        log_folder: work,
        root_working_folder: work,
        engines: options.engines,
        rules: {
          pmd: Object.fromEntries(Object.keys(DISABLED_RULES).map((rule) => [rule, { disabled: true }]))
        }
      },
      root
    );
    const analyzer = new CodeAnalyzer(config);
    const engineErrors: string[] = [];
    analyzer.onEvent<EngineLogEvent>(EventType.EngineLogEvent, (event) => {
      if (event.logLevel === LogLevel.Error) {
        engineErrors.push(event.message);
      }
    });
    for (const plugin of options.plugins) {
      await analyzer.addEnginePlugin(plugin);
    }
    const workspace = await analyzer.createWorkspace(packageDirs(root));
    const selection = await analyzer.selectRules(options.selectors, { workspace });
    const results = await analyzer.run(selection, { workspace });
    const violations: Violation[] = results.getViolations().map((v) => {
      const location = v.getPrimaryLocation();
      return {
        file: location.getFile(),
        line: location.getStartLine(),
        col: location.getStartColumn(),
        rule: v.getRule().getName(),
        severity: v.getRule().getSeverityLevel(),
        message: v.getMessage().trim()
      };
    });
    return { selection, violations, engineErrors };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Salesforce Code Analyzer's PMD rules over the package directories. */
export async function checkCodeAnalyzer(root: string): Promise<CheckResult> {
  const problem = await javaProblem();
  if (problem !== undefined) {
    return { findings: [{ checker: CHECKER, message: problem }] };
  }
  const { selection, violations, engineErrors } = await runCodeAnalyzer(root, {
    tempPrefix: 'gate-code-analyzer-',
    engines: { pmd: { custom_rulesets: CUSTOM_RULESETS } },
    plugins: [createEnginePlugin()],
    selectors: RULE_SELECTORS
  });
  const judged = judgeViolations(root, violations);
  const errors = engineErrors.map((message) => ({
    checker: CHECKER,
    message: `engine error: ${message.split('\n')[0]}`
  }));
  return {
    findings: [...errors, ...judged.findings],
    info: [`${selection.getCount()} rules (${RULE_SELECTORS.join(', ')})`, ...(judged.info ?? [])]
  };
}
