import { parseApexLsJson } from './apex-semantic';
import { judgeViolations } from './code-analyzer';
import { parseJestReport, parsePrettierOutput, parseTscOutput } from './npm-steps';
import { formatFinding } from '../lib/finding';

describe('output parsers', () => {
  it('formats findings as path:line:col [checker] message', () => {
    expect(formatFinding({ checker: 'soql', file: 'a.cls', line: 3, col: 7, message: 'm' })).toBe(
      'a.cls:3:7: [soql] m'
    );
    expect(formatFinding({ checker: 'x', message: 'm', severity: 'warning' })).toBe(
      '(project): [x] warning: m'
    );
  });

  it('parses apex-ls JSON, failing on Syntax/Error/Missing only', () => {
    const json = JSON.stringify({
      files: [
        {
          path: '/p/force-app/classes/A.cls',
          messages: [
            { start: { line: 4, offset: 8 }, category: 'Missing', message: "Unknown field 'Nope__c'" },
            { start: { line: 9, offset: 0 }, category: 'Warning', message: 'reserved identifier' }
          ]
        }
      ]
    });
    expect(parseApexLsJson('/p', json).map(formatFinding)).toEqual([
      "force-app/classes/A.cls:4:9: [apex-semantic] Missing: Unknown field 'Nope__c'",
      'force-app/classes/A.cls:9:1: [apex-semantic] warning: Warning: reserved identifier'
    ]);
  });

  it('fails code-analyzer on severity 1-2 and on OperationWithLimitsInLoop, tabulating the rest', () => {
    const judged = judgeViolations('/p', [
      { file: '/p/A.cls', line: 7, rule: 'ApexSOQLInjection', severity: 2, message: 'untrusted' },
      { file: '/p/A.cls', line: 5, rule: 'OperationWithLimitsInLoop', severity: 3, message: 'loop' },
      { file: '/p/A.cls', line: 1, rule: 'ApexDoc', severity: 4, message: 'Missing ApexDoc comment' }
    ]);
    expect(judged.findings.map(formatFinding)).toEqual([
      'A.cls:7: [code-analyzer] ApexSOQLInjection (severity 2): untrusted',
      'A.cls:5: [code-analyzer] OperationWithLimitsInLoop (severity 3): loop'
    ]);
    expect(judged.info).toEqual([
      '1 lower-severity violations (not failing):',
      'A.cls:1  sev 4  ApexDoc  Missing ApexDoc comment'
    ]);
  });

  it('summarises a lower-severity rule hit in many places in one table row', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      file: `/p/T${i % 3}.cls`,
      line: i + 1,
      rule: 'ApexUnitTestClassShouldHaveRunAs',
      severity: 4,
      message: 'no runAs'
    }));
    expect(judgeViolations('/p', many).info).toEqual([
      '21 lower-severity violations (not failing):',
      '(3 files)  sev 4  ApexUnitTestClassShouldHaveRunAs  21 places, e.g. T0.cls:1: no runAs'
    ]);
  });

  it('parses prettier --check output', () => {
    const output =
      'Checking formatting...\n[warn] src/a.ts\n[error] src/b.cls: SyntaxError: Unexpected token (3:5)\n' +
      '[warn] Code style issues found in the above file. Run Prettier with --write to fix.';
    expect(parsePrettierOutput(output).map(formatFinding)).toEqual([
      'src/a.ts: [prettier] not formatted (run npx prettier --write on it)',
      'src/b.cls:3:5: [prettier] SyntaxError: Unexpected token'
    ]);
  });

  it('parses tsc diagnostics', () => {
    const output =
      "lwc-src/x/x.ts(9,34): error TS2353: Object literal may only specify known properties, and 'search' …\n";
    expect(parseTscOutput('/p', output).map(formatFinding)).toEqual([
      "lwc-src/x/x.ts:9:34: [typecheck] TS2353: Object literal may only specify known properties, and 'search' …"
    ]);
  });

  it('turns a Jest report into findings and fails on zero tests', () => {
    const report = {
      numTotalTests: 2,
      numPassedTests: 1,
      numFailedTests: 1,
      testResults: [
        {
          name: '/p/lwc-src/a/__tests__/a.test.ts',
          status: 'failed',
          message: '',
          assertionResults: [
            { fullName: 'a works', status: 'passed', failureMessages: [] },
            {
              fullName: 'a renders',
              status: 'failed',
              failureMessages: [
                'Error: expected 1\n    at Object.<anonymous> (/p/lwc-src/a/__tests__/a.test.ts:12:5)'
              ]
            }
          ]
        }
      ]
    };
    expect(parseJestReport('/p', 'jest-lwc', report).findings.map(formatFinding)).toEqual([
      'lwc-src/a/__tests__/a.test.ts:12:5: [jest-lwc] a renders: Error: expected 1 | at Object.<anonymous> (/p/lwc-src/a/__tests__/a.test.ts:12:5)'
    ]);
    const empty = parseJestReport('/p', 'jest-lwc', { ...report, numTotalTests: 0, testResults: [] });
    expect(empty.findings.map((f) => f.message)).toEqual(['no tests ran: zero tests is a failure']);
  });
});
