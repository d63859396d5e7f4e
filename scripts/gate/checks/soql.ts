import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { apexFiles, walkFiles } from '../lib/project';
import { analyzeAnalytics } from './soql/analytics';
import { analyzeApex } from './soql/analyze';
import { loadSchema } from './soql/schema';
import { analyzeTypeScript } from './soql/typescript';

const CHECKER = 'soql';

/**
 * The TypeScript that runs queries against an org: everything under scripts/ except tests and the
 * modules only tests import, named `*.fixture.ts` (their strings are fixtures, never sent to an org),
 * declaration files and the gate's fixture projects.
 */
export function scriptFiles(root: string): string[] {
  const fixtures = path.join(root, 'scripts', 'gate', 'fixtures') + path.sep;
  return walkFiles(
    path.join(root, 'scripts'),
    (file) => file.endsWith('.ts') && !/\.(test|fixture|d)\.ts$/.test(file) && !file.startsWith(fixtures)
  );
}

/** The analysis' issues as findings of this checker in the file rel. */
function located(rel: string, issues: { line: number; col?: number; message: string }[]): Finding[] {
  return issues.map((issue) => ({
    checker: CHECKER,
    file: rel,
    line: issue.line,
    col: issue.col,
    message: issue.message
  }));
}

/**
 * Parses every .cls/.trigger under the package directories with @apexdevtools/apex-parser and checks
 * every object, field and relationship named in inline SOQL/SOSL (and in Database.query string
 * literals) against our metadata plus standard-schema.json. Apex syntax errors are findings too.
 * Then does the same for the SOQL/SOSL strings and anonymous-Apex snippets of the TypeScript under
 * scripts/ (see soql/typescript.ts); queries too dynamic to parse are listed as info. Last, the fields
 * named by custom report types, reports and dashboards (see soql/analytics.ts).
 */
export function checkSoql(root: string): CheckResult {
  const schema = loadSchema(root);
  const findings: Finding[] = [];
  let queries = 0;
  const files = apexFiles(root);
  for (const file of files) {
    const rel = relativePath(root, file);
    const analysis = analyzeApex(
      fs.readFileSync(file, 'utf8'),
      file.endsWith('.trigger') ? 'trigger' : 'class',
      schema
    );
    queries += analysis.queries;
    for (const error of analysis.syntaxErrors) {
      findings.push({
        checker: CHECKER,
        file: rel,
        line: error.line,
        col: error.col,
        message: `Apex syntax error: ${error.message}`
      });
    }
    findings.push(...located(rel, analysis.issues));
  }
  const scripts = scriptFiles(root);
  let tsQueries = 0;
  let tsFilesWithQueries = 0;
  const dynamic: string[] = [];
  for (const file of scripts) {
    const rel = relativePath(root, file);
    const analysis = analyzeTypeScript(fs.readFileSync(file, 'utf8'), rel, schema);
    tsQueries += analysis.queries;
    if (analysis.queries + analysis.dynamic.length > 0) {
      tsFilesWithQueries++;
    }
    findings.push(...located(rel, analysis.issues));
    dynamic.push(...analysis.dynamic.map((d) => `  ${rel}:${d.line}:${d.col}: ${d.message}`));
  }
  const analytics = analyzeAnalytics(root, schema);
  for (const issue of analytics.issues) {
    findings.push({
      checker: CHECKER,
      file: relativePath(root, issue.file),
      line: issue.line,
      message: issue.message
    });
  }
  return {
    findings,
    info: [
      `${queries} queries in ${files.length} Apex files checked against ${schema.objects.size} objects`,
      `${tsQueries} queries in ${tsFilesWithQueries} of ${scripts.length} TypeScript files under scripts/ checked; ` +
        `${dynamic.length} dynamic (not checked)${dynamic.length > 0 ? ':' : ''}`,
      ...dynamic,
      `${analytics.references} references in ${analytics.reportTypes} report types, ${analytics.reports} reports and ` +
        `${analytics.dashboards} dashboards checked`
    ]
  };
}
