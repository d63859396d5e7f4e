import * as fs from 'node:fs';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { apexFiles } from '../lib/project';
import { analyzeApex } from './soql/analyze';
import { loadSchema } from './soql/schema';

const CHECKER = 'soql';

/**
 * Parses every .cls/.trigger under the package directories with @apexdevtools/apex-parser and checks
 * every object, field and relationship named in inline SOQL/SOSL (and in Database.query string
 * literals) against our metadata plus standard-schema.json. Apex syntax errors are findings too.
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
    for (const issue of analysis.issues) {
      findings.push({
        checker: CHECKER,
        file: rel,
        line: issue.line,
        col: issue.col,
        message: issue.message
      });
    }
  }
  return {
    findings,
    info: [`${queries} queries in ${files.length} Apex files checked against ${schema.objects.size} objects`]
  };
}
