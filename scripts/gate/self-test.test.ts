/**
 * The gate is proven: a clean fixture project passes the checkers that guard against the six defects
 * the issue names (and a seventh: an unknown field in a TypeScript org script's SOQL; an eighth: a report
 * column naming a field that does not exist; a ninth: a hand-edited compiled LWC), and a copy with
 * each defect planted in its own file fails the right checker with a finding on that file. Then four
 * more, one per platform check: a settings field the Metadata API no longer has, a field read from
 * rows whose query did not select it, a parameter concatenated into a Batchable's query, a test that
 * reaches user-mode code without System.runAs. Their planted Apex is prettier-formatted (asserted), so
 * prettier is never what catches them. And a hard-coded colour in an LWC's CSS where SLDS 2 has a
 * styling hook, which slds-lint fails; an Apex method over 50 lines, which size fails; a permission set
 * without the fixture's component prefix (`Call`, declared in its sfdx-project.json), which structure fails;
 * and a constructor reading a field the query behind the element passed to it did not select, which
 * unqueried-field fails.
 * The two Java checkers (a JVM start each) run on the
 * defective copy only, where the fixture's own files must have no findings, so this stays near 20 s.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateTypes } from '../build/generate-types';
import { checkApexSemantic } from './checks/apex-semantic';
import { checkLwcOutput } from './checks/lwc-output';
import { checkCodeAnalyzer } from './checks/code-analyzer';
import { checkDynamicSoql } from './checks/dynamic-soql';
import { checkMetadataSchema } from './checks/metadata-schema';
import { checkMetadataXml } from './checks/metadata-xml';
import { checkTypes } from './checks/npm-steps';
import { checkSldsLint } from './checks/slds-lint';
import { checkSize } from './checks/size';
import { checkSoql } from './checks/soql';
import { checkStructure } from './checks/structure';
import { checkTestIndependence } from './checks/test-independence';
import { checkUnqueriedFields } from './checks/unqueried-field';
import type { CheckResult, Finding } from './lib/finding';
import { formatFinding, isError } from './lib/finding';
import {
  CLASSES,
  DEFECTS,
  JAVA_CHECKERS,
  NODE_MODULES,
  PLANTED_APEX,
  aboutPlantedFile,
  copyFixture,
  plantDefects
} from './self-test.fixture';

/** ~35 s on an idle 2-core machine; generous because the gate runs it beside the Java lane. */
const TIMEOUT = 180_000;

const CHECKERS: Record<string, (root: string) => CheckResult | Promise<CheckResult>> = {
  structure: checkStructure,
  'metadata-xml': checkMetadataXml,
  'metadata-schema': checkMetadataSchema,
  soql: checkSoql,
  'dynamic-soql': checkDynamicSoql,
  'unqueried-field': checkUnqueriedFields,
  'test-independence': checkTestIndependence,
  typecheck: checkTypes,
  'apex-semantic': checkApexSemantic,
  'code-analyzer': checkCodeAnalyzer,
  'lwc-output': checkLwcOutput,
  'slds-lint': checkSldsLint,
  size: checkSize
};

/** Runs each checker at most once per project copy. */
function memo(root: () => string): (checker: string) => Promise<CheckResult> {
  const results = new Map<string, Promise<CheckResult>>();
  return (checker) => {
    let result = results.get(checker);
    if (!result) {
      const run = CHECKERS[checker];
      if (!run) {
        throw new Error(`no checker ${checker}`);
      }
      result = Promise.resolve(run(root()));
      results.set(checker, result);
    }
    return result;
  };
}

function errorsIn(result: CheckResult, file: string): Finding[] {
  return result.findings.filter((f) => isError(f) && f.file === file);
}

const show = (result: CheckResult): string =>
  result.findings.map(formatFinding).join('\n') || '(no findings)';

let clean = '';
let defective = '';
const onClean = memo(() => clean);
const onDefective = memo(() => defective);

beforeAll(() => {
  clean = copyFixture();
  defective = copyFixture();
  plantDefects(defective);
  for (const root of [clean, defective]) {
    generateTypes(root, path.join(root, '.generated', 'types'));
  }
  // Start the slow (Java) checkers at once; the tests await the memoised results.
  for (const checker of JAVA_CHECKERS) {
    void onDefective(checker);
  }
}, TIMEOUT);

afterAll(() => {
  for (const root of [clean, defective]) {
    if (root) {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
});

describe('gate self-test: the clean fixture', () => {
  it.each(Object.keys(CHECKERS))(
    'passes %s',
    async (checker) => {
      const errors = JAVA_CHECKERS.has(checker)
        ? (await onDefective(checker)).findings.filter((f) => isError(f) && !aboutPlantedFile(f))
        : (await onClean(checker)).findings.filter(isError);
      expect(errors.map(formatFinding)).toEqual([]);
    },
    TIMEOUT
  );
});

describe('gate self-test: each planted defect fails its checker', () => {
  it(
    '(a) an unknown field in Apex fails apex-semantic',
    async () => {
      const result = await onDefective('apex-semantic');
      const findings = errorsIn(result, DEFECTS.unknownApexField);
      expect(findings.map((f) => f.message).join('\n')).toMatch(/Unknown field 'Nope__c'/);
      expect(findings[0]?.line).toBe(4);
    },
    TIMEOUT
  );

  it(
    '(b) an unknown field inside a SOQL query fails soql',
    async () => {
      const result = await onDefective('soql');
      const findings = errorsIn(result, DEFECTS.unknownSoqlField);
      expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
        '3: unknown field Nope__c on Call_Note__c'
      ]);
    },
    TIMEOUT
  );

  it(
    '(c) a wrong Apex parameter name from an LWC fails typecheck',
    async () => {
      const result = await onDefective('typecheck');
      const findings = errorsIn(result, DEFECTS.wrongApexParam);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings[0]?.message).toMatch(/search/);
      expect(findings[0]?.line).toBe(9);
    },
    TIMEOUT
  );

  it(
    '(d) a malformed -meta.xml fails metadata-xml',
    async () => {
      const result = await onDefective('metadata-xml');
      const findings = errorsIn(result, DEFECTS.malformedMetaXml);
      expect(findings).toHaveLength(1);
      expect(findings[0]?.message).toMatch(/^malformed XML/);
      expect(findings[0]?.line).toBeGreaterThan(0);
    },
    TIMEOUT
  );

  it(
    '(e) a SOQL injection fails code-analyzer',
    async () => {
      const result = await onDefective('code-analyzer');
      const findings = errorsIn(result, DEFECTS.soqlInjection);
      expect(findings.map((f) => f.message).join('\n')).toMatch(/ApexSOQLInjection/);
      expect(findings.find((f) => f.message.startsWith('ApexSOQLInjection'))?.line).toBe(3);
    },
    TIMEOUT
  );

  it(
    '(f) an Apex syntax error fails soql (parser) and apex-semantic',
    async () => {
      const soql = errorsIn(await onDefective('soql'), DEFECTS.apexSyntax);
      expect(soql.map((f) => `${f.line}: ${f.message}`)).toEqual([
        expect.stringMatching(/^2: Apex syntax error/)
      ]);
      const semantic = errorsIn(await onDefective('apex-semantic'), DEFECTS.apexSyntax);
      expect(semantic.map((f) => `${f.line}: ${f.message}`)).toEqual([expect.stringMatching(/^2: Syntax: /)]);
    },
    TIMEOUT
  );

  it(
    "(g) an unknown field in a TypeScript org script's SOQL fails soql",
    async () => {
      const result = await onDefective('soql');
      const findings = errorsIn(result, DEFECTS.unknownScriptSoqlField);
      expect(findings.map((f) => `${f.line}:${f.col}: ${f.message}`)).toEqual([
        '3:31: unknown field Minutez__c on Call_Note__c'
      ]);
    },
    TIMEOUT
  );

  it('plants the platform-check defects prettier-formatted, so prettier never catches them', () => {
    // The prettier CLI with the project's config (its API needs ESM loading Jest does not do here).
    const repo = path.resolve(__dirname, '..', '..');
    const files = Object.keys(PLANTED_APEX).map((name) => path.join(defective, CLASSES, `${name}.cls`));
    const check = (): string =>
      execFileSync(
        process.execPath,
        [
          path.join(NODE_MODULES, 'prettier', 'bin', 'prettier.cjs'),
          '--config',
          path.join(repo, '.prettierrc.json'),
          '--check',
          ...files
        ],
        { cwd: repo, encoding: 'utf8', stdio: 'pipe' }
      );
    expect(check).not.toThrow();
  });

  it(
    '(j) a scratch-def setting the Metadata API no longer has fails metadata-schema',
    async () => {
      const findings = errorsIn(await onDefective('metadata-schema'), DEFECTS.removedScratchSetting);
      expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
        '6: settings.externalClientAppSettings: unknown element enableExternalClientApps in ExternalClientAppSettings'
      ]);
    },
    TIMEOUT
  );

  it(
    '(k) a field read from rows whose query did not select it, in a private helper, fails unqueried-field',
    async () => {
      const findings = errorsIn(await onDefective('unqueried-field'), DEFECTS.unqueriedField);
      expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
        '5: note (Call_Note__c rows from the query at line 4) is passed to NoteDigest.line, which reads Minutes__c: not selected'
      ]);
    },
    TIMEOUT
  );

  it(
    "(l) a parameter concatenated into a without-sharing Batchable's query fails dynamic-soql",
    async () => {
      const findings = errorsIn(await onDefective('dynamic-soql'), DEFECTS.concatenatedQuery);
      expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
        expect.stringMatching(/^9: Database.getQueryLocator \(line 10\) runs a query built from `body`/)
      ]);
    },
    TIMEOUT
  );

  it(
    '(m) a test reaching user-mode code without System.runAs fails test-independence',
    async () => {
      const findings = errorsIn(await onDefective('test-independence'), DEFECTS.testWithoutRunAs);
      expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
        expect.stringMatching(
          /^7: NoteCounter_Tests.it_should_count_notes reaches user-mode code through NoteCounter.count \(WITH USER_MODE at force-app\/main\/default\/classes\/NoteCounter.cls:3\) outside System.runAs/
        )
      ]);
    },
    TIMEOUT
  );

  it(
    '(h) a report column naming a field that does not exist fails soql',
    async () => {
      const result = await onDefective('soql');
      const findings = errorsIn(result, DEFECTS.unknownReportColumn);
      expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
        '32: column Call_Note__c$Nope__c is not a column of report type Call_Notes (unknown field Nope__c on Call_Note__c)'
      ]);
    },
    TIMEOUT
  );

  it(
    '(i) a hand-edited compiled LWC file fails lwc-output',
    async () => {
      const result = await onDefective('lwc-output');
      const findings = errorsIn(result, DEFECTS.handEditedLwcOutput);
      expect(findings).toHaveLength(1);
      expect(findings[0]?.message).toMatch(/^stale or edited by hand/);
      expect(findings[0]?.line).toBeGreaterThan(0);
    },
    TIMEOUT
  );

  it(
    '(n) a hard-coded colour where SLDS 2 has a styling hook fails slds-lint',
    async () => {
      const result = await onDefective('slds-lint');
      const findings = errorsIn(result, DEFECTS.hardCodedColour);
      expect(findings.map((f) => `${f.line}:${f.col}`)).toEqual(['2:10']);
      expect(findings[0]?.message).toContain('--slds-g-color-palette-red-40');
    },
    TIMEOUT
  );

  it('(o) an Apex method over 50 lines fails size', async () => {
    const findings = errorsIn(await onDefective('size'), DEFECTS.longMethod);
    expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
      '2: method NoteTally.tally is 52 lines (limit 50)'
    ]);
  });

  it(
    '(p) a permission set without the component prefix fails structure',
    async () => {
      const findings = errorsIn(await onDefective('structure'), DEFECTS.unprefixedPermissionSet);
      expect(findings.map((f) => f.message)).toEqual([
        'permission set Note_Readers does not start with the component prefix Call_ (sfdx-project.json plugins.componentPrefix)'
      ]);
    },
    TIMEOUT
  );

  it(
    '(q) a field read in a constructor from a query row passed to it, not selected, fails unqueried-field',
    async () => {
      const findings = errorsIn(await onDefective('unqueried-field'), DEFECTS.unqueriedFieldInConstructor);
      expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
        '10: notes[0] (Call_Note__c rows from the query at line 9) is passed to new NoteCard, which reads Minutes__c: not selected'
      ]);
    },
    TIMEOUT
  );

  it(
    'reports nothing on the defect-free files of the defective copy',
    async () => {
      const result = await onDefective('soql');
      expect(errorsIn(result, `${CLASSES}/CallNoteController.cls`)).toEqual([]);
      expect(show(result)).toContain('BadSoql.cls:3');
    },
    TIMEOUT
  );
});
