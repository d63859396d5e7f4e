import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LWC_SOURCE_DIR } from '../../build/build';
import type { CheckResult, Finding } from '../lib/finding';
import { GATE_BIN, run, stripAnsi, tail } from '../lib/exec';

const CHECKER = 'slds-lint';
const REPORT_FILE = 'slds-linter-report.sarif';

interface SarifResult {
  level?: string;
  ruleId?: string;
  message: { text: string };
  locations?: {
    physicalLocation?: {
      artifactLocation?: { uri?: string };
      region?: { startLine?: number; startColumn?: number };
    };
  }[];
}

interface SarifLog {
  runs: { results?: SarifResult[] }[];
}

/** slds-linter wraps its message as `{"message":"…","suggestions":[…]} (rule).`: keep the sentence. */
export function sldsMessage(text: string): string {
  const json = /^(\{.*\}) \([^)]*\)\.?$/s.exec(text)?.[1];
  if (json !== undefined) {
    try {
      return (JSON.parse(json) as { message: string }).message.replace(/\s*\n\s*/g, ' ');
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Findings from slds-linter's SARIF report. Every result is an error, warnings included: SLDS 2's
 * hard-coded-value rule only warns, and a colour that ignores the org's theme is a defect here.
 */
export function parseSldsSarif(log: SarifLog): Finding[] {
  return log.runs.flatMap((sarifRun) =>
    (sarifRun.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      const message = sldsMessage(result.message.text);
      return {
        checker: CHECKER,
        file: location?.artifactLocation?.uri,
        line: location?.region?.startLine,
        col: location?.region?.startColumn,
        message: message.includes(`(${result.ruleId ?? ''})`)
          ? message
          : `${message} (${result.ruleId ?? '?'})`
      };
    })
  );
}

/**
 * `slds-linter report lwc-src` (Salesforce's SLDS 2 linter: stylelint and ESLint rules over the
 * components' CSS and HTML). Fails on any result, so the screens keep to SLDS 2 styling hooks and
 * follow the org's theme.
 */
export async function checkSldsLint(root: string): Promise<CheckResult> {
  if (!fs.existsSync(path.join(root, LWC_SOURCE_DIR))) {
    return { findings: [], info: [`no ${LWC_SOURCE_DIR}/: nothing to lint`] };
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-slds-lint-'));
  try {
    const result = await run(
      path.join(GATE_BIN, 'slds-linter'),
      ['report', LWC_SOURCE_DIR, '--output', out, '--format', 'sarif'],
      { cwd: root, timeoutMs: 300_000 }
    );
    const reportFile = path.join(out, REPORT_FILE);
    if (result.code !== 0 || !fs.existsSync(reportFile)) {
      const output = stripAnsi(result.stdout + result.stderr);
      return {
        findings: [
          {
            checker: CHECKER,
            message: `slds-linter report failed (${result.error ?? `exit ${result.code}`}):\n${tail(output, 25)}`
          }
        ]
      };
    }
    const findings = parseSldsSarif(JSON.parse(fs.readFileSync(reportFile, 'utf8')) as SarifLog);
    return { findings, info: [`${findings.length} SLDS linter results in ${LWC_SOURCE_DIR}/`] };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
