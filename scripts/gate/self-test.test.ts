/**
 * The gate is proven: a clean fixture project passes the checkers that guard against the six defects
 * the issue names (and a seventh: an unknown field in a TypeScript org script's SOQL; an eighth: a report
 * column naming a field that does not exist; a ninth: a hand-edited compiled LWC), and a copy with
 * each defect planted in its own file fails the right checker with a finding on that file. Then four
 * more, one per platform check: a settings field the Metadata API no longer has, a field read from
 * rows whose query did not select it, a parameter concatenated into a Batchable's query, a test that
 * reaches user-mode code without System.runAs. Their planted Apex is prettier-formatted (asserted), so
 * prettier is never what catches them. And a hard-coded colour in an LWC's CSS where SLDS 2 has a
 * styling hook, which slds-lint fails; an Apex method over 50 lines, which size fails. The two Java checkers (a JVM start each) run on the
 * defective copy only, where the fixture's own files must have no findings, so this stays near 20 s.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
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

const FIXTURE = path.join(__dirname, 'fixtures', 'clean-project');
const NODE_MODULES = path.resolve(__dirname, '..', '..', 'node_modules');
const CLASSES = 'force-app/main/default/classes';
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

/** A temp copy of the fixture with node_modules linked in and the Apex/schema types generated. */
function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-self-test-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  fs.symlinkSync(NODE_MODULES, path.join(dir, 'node_modules'), 'dir');
  return dir;
}

function write(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

function apexClass(root: string, name: string, body: string): void {
  write(root, `${CLASSES}/${name}.cls`, body);
  write(
    root,
    `${CLASSES}/${name}.cls-meta.xml`,
    '<?xml version="1.0" encoding="UTF-8" ?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
      '  <apiVersion>68.0</apiVersion>\n  <status>Active</status>\n</ApexClass>\n'
  );
}

/** The eight defects, each in a file of its own so every checker's findings can be told apart. */
const DEFECTS = {
  unknownApexField: `${CLASSES}/BadField.cls`,
  unknownSoqlField: `${CLASSES}/BadSoql.cls`,
  wrongApexParam: 'lwc-src/callNotes/callNotes.ts',
  malformedMetaXml: 'force-app/main/default/objects/Call_Note__c/fields/Broken__c.field-meta.xml',
  soqlInjection: `${CLASSES}/Injection.cls`,
  apexSyntax: `${CLASSES}/Broken.cls`,
  unknownScriptSoqlField: 'scripts/org/call-notes.ts',
  unknownReportColumn: 'force-app/main/default/reports/Call_Notes/Minutes_By_Company.report-meta.xml',
  handEditedLwcOutput: 'force-app/main/default/lwc/callNotes/callNotes.html',
  removedScratchSetting: 'config/project-scratch-def.json',
  unqueriedField: `${CLASSES}/NoteDigest.cls`,
  concatenatedQuery: `${CLASSES}/NotePurgeBatch.cls`,
  testWithoutRunAs: `${CLASSES}/NoteCounter_Tests.cls`,
  hardCodedColour: 'lwc-src/callNotes/callNotes.css',
  longMethod: `${CLASSES}/NoteTally.cls`
};

/** The Apex of the four platform-check defects and the long method, as prettier formats it (the self-test asserts so). */
const PLANTED_APEX: Record<string, string[]> = {
  NoteDigest: [
    'public with sharing class NoteDigest {',
    '  public static List<String> digest() {',
    '    List<String> lines = new List<String>();',
    '    for (Call_Note__c note : [SELECT Id, Body__c FROM Call_Note__c WITH USER_MODE LIMIT 10]) {',
    '      lines.add(line(note));',
    '    }',
    '    return lines;',
    '  }',
    '',
    '  private static String line(Call_Note__c note) {',
    "    return note.Body__c + ' (' + note.Minutes__c + ' min)';",
    '  }',
    '}'
  ],
  NotePurgeBatch: [
    'public without sharing class NotePurgeBatch implements Database.Batchable<SObject> {',
    '  private final String body;',
    '',
    '  public NotePurgeBatch(String body) {',
    '    this.body = body;',
    '  }',
    '',
    '  public Database.QueryLocator start(Database.BatchableContext context) {',
    "    String q = 'SELECT Id FROM Call_Note__c WHERE Body__c = \\'' + body + '\\'';",
    '    return Database.getQueryLocator(q);',
    '  }',
    '',
    '  public void execute(Database.BatchableContext context, List<Call_Note__c> scope) {',
    '    delete as system scope;',
    '  }',
    '',
    '  public void finish(Database.BatchableContext context) {',
    "    System.debug(LoggingLevel.INFO, 'purged');",
    '  }',
    '}'
  ],
  NoteCounter: [
    'public with sharing class NoteCounter {',
    '  public static Integer count() {',
    '    return [SELECT COUNT() FROM Call_Note__c WITH USER_MODE];',
    '  }',
    '}'
  ],
  NoteCounter_Tests: [
    '@IsTest(IsParallel=true)',
    'private class NoteCounter_Tests {',
    '  @IsTest',
    '  static void it_should_count_notes() {',
    "    insert as system new Call_Note__c(Body__c = 'hello', Minutes__c = 2);",
    '',
    "    Assert.areEqual(1, NoteCounter.count(), 'one note');",
    '  }',
    '}'
  ],
  NoteTally: [
    'public with sharing class NoteTally {',
    '  public static Integer tally(Integer n) {',
    ...Array<string>(49).fill('    n++;'),
    '    return n;',
    '  }',
    '}'
  ]
};

/** Today's scratch-def defect: a settings field the current Metadata API no longer has. */
const REMOVED_SCRATCH_SETTING = {
  orgName: 'Gate fixture',
  edition: 'Developer',
  settings: { externalClientAppSettings: { enableExternalClientApps: true } }
};

/** Every file the defects add or change: a finding there is a defect's, anywhere else a false alarm. */
const PLANTED_FILES = new Set<string>([
  ...Object.values(DEFECTS),
  ...Object.keys(PLANTED_APEX).map((name) => `${CLASSES}/${name}.cls`)
]);

/** Checkers that start a JVM: run once, on the defective copy, and held to silence outside PLANTED_FILES. */
const JAVA_CHECKERS = new Set(['apex-semantic', 'code-analyzer']);

/** A finding on a planted file, or one about the project (an engine error) that names one. */
const aboutPlantedFile = (f: Finding): boolean =>
  [...PLANTED_FILES].some((file) => f.file === file || (f.file === undefined && f.message.includes(file)));

function plantDefects(root: string): void {
  apexClass(
    root,
    'BadField',
    'public with sharing class BadField {\n  public static void run() {\n    Call_Note__c note = new Call_Note__c();\n' +
      "    note.Nope__c = 'x';\n  }\n}\n"
  );
  apexClass(
    root,
    'BadSoql',
    'public with sharing class BadSoql {\n  public static List<Call_Note__c> run() {\n' +
      '    return [SELECT Id, Nope__c FROM Call_Note__c WITH USER_MODE];\n  }\n}\n'
  );
  const lwc = path.join(root, DEFECTS.wrongApexParam);
  fs.writeFileSync(
    lwc,
    fs.readFileSync(lwc, 'utf8').replace('{ searchText: this.searchText }', '{ search: this.searchText }')
  );
  write(
    root,
    DEFECTS.malformedMetaXml,
    '<?xml version="1.0" encoding="UTF-8" ?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
      '  <fullName>Broken__c</fullName\n  <type>Text</type>\n</CustomField>\n'
  );
  apexClass(
    root,
    'Injection',
    'public with sharing class Injection {\n  public static List<Call_Note__c> find(String userInput) {\n' +
      "    return Database.query('SELECT Id FROM Call_Note__c WHERE Body__c = \\'' + userInput + '\\'');\n  }\n}\n"
  );
  apexClass(root, 'Broken', 'public with sharing class Broken {\n  public static void run( {\n  }\n}\n');
  const script = path.join(root, DEFECTS.unknownScriptSoqlField);
  fs.writeFileSync(script, fs.readFileSync(script, 'utf8').replace('Minutes__c,', 'Minutez__c,'));
  const report = path.join(root, DEFECTS.unknownReportColumn);
  fs.writeFileSync(
    report,
    fs
      .readFileSync(report, 'utf8')
      .replace('<field>Call_Note__c$Name</field>', '<field>Call_Note__c$Nope__c</field>')
  );
  const compiled = path.join(root, DEFECTS.handEditedLwcOutput);
  fs.writeFileSync(
    compiled,
    fs.readFileSync(compiled, 'utf8').replace('</template>', '  <p>patched</p>\n</template>')
  );
  for (const [name, lines] of Object.entries(PLANTED_APEX)) {
    apexClass(root, name, `${lines.join('\n')}\n`);
  }
  write(root, DEFECTS.removedScratchSetting, `${JSON.stringify(REMOVED_SCRATCH_SETTING, null, 2)}\n`);
  write(root, DEFECTS.hardCodedColour, '.overdue {\n  color: #ba0517;\n}\n');
}

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
    'reports nothing on the defect-free files of the defective copy',
    async () => {
      const result = await onDefective('soql');
      expect(errorsIn(result, `${CLASSES}/CallNoteController.cls`)).toEqual([]);
      expect(show(result)).toContain('BadSoql.cls:3');
    },
    TIMEOUT
  );
});
