import type { CheckResult } from './lib/finding';
import { checkApexSemantic } from './checks/apex-semantic';
import { checkCodeAnalyzer } from './checks/code-analyzer';
import { checkDynamicSoql } from './checks/dynamic-soql';
import { checkMetadataConvert } from './checks/metadata-convert';
import { checkLwcOutput } from './checks/lwc-output';
import { checkMetadataSchema } from './checks/metadata-schema';
import { checkMetadataXml } from './checks/metadata-xml';
import {
  checkBuild,
  checkEslint,
  checkJestLwc,
  checkJestScripts,
  checkPrettier,
  checkTypes
} from './checks/npm-steps';
import { checkProjectConfig } from './checks/project-config';
import { checkSldsLint } from './checks/slds-lint';
import { checkSize } from './checks/size';
import { checkSoql } from './checks/soql';
import { checkStructure } from './checks/structure';
import { checkSuppressions } from './checks/suppressions';
import { checkTestIndependence } from './checks/test-independence';
import { checkUnqueriedFields } from './checks/unqueried-field';

export interface Step {
  name: string;
  run: (root: string) => CheckResult | Promise<CheckResult>;
  /**
   * 'java': runs in a second lane, after the main-lane steps declared before it, alongside the
   * main-lane steps declared after it (two lanes for two cores: JVM and Node work overlap).
   */
  lane?: 'java';
}

/**
 * The gate, in order: fast static checks first, then the build (typecheck, ESLint and the conversion
 * need its output), then the Java lane, which runs beside the Node steps after it (typecheck,
 * ESLint, the test suites; the scripts suite holds the gate's self-test, the slowest step).
 * Output keeps this order whatever finishes first.
 */
export const STEPS: Step[] = [
  { name: 'structure', run: checkStructure },
  { name: 'suppressions', run: checkSuppressions },
  { name: 'project-config', run: checkProjectConfig },
  { name: 'metadata-xml', run: checkMetadataXml },
  { name: 'metadata-schema', run: checkMetadataSchema },
  { name: 'soql', run: checkSoql },
  { name: 'dynamic-soql', run: checkDynamicSoql },
  { name: 'unqueried-field', run: checkUnqueriedFields },
  { name: 'test-independence', run: checkTestIndependence },
  // After the parse-tree steps: it measures methods on the trees they cached.
  { name: 'size', run: checkSize },
  { name: 'prettier', run: checkPrettier },
  { name: 'slds-lint', run: checkSldsLint },
  // Before build: the build rewrites force-app/main/default/lwc, this compares the committed copy.
  { name: 'lwc-output', run: checkLwcOutput },
  { name: 'build', run: checkBuild },
  { name: 'apex-semantic', run: checkApexSemantic, lane: 'java' },
  { name: 'metadata-convert', run: checkMetadataConvert, lane: 'java' },
  { name: 'code-analyzer', run: checkCodeAnalyzer, lane: 'java' },
  { name: 'typecheck', run: checkTypes },
  { name: 'eslint', run: checkEslint },
  { name: 'jest-lwc', run: checkJestLwc },
  { name: 'jest-scripts', run: checkJestScripts }
];
