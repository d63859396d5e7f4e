/**
 * The gate self-test's fixture copies and planted defects (self-test.test.ts proves each one fails its checker):
 * which file each defect lives in, the planted Apex as prettier formats it, and how a copy is made defective.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from './lib/finding';

const FIXTURE = path.join(__dirname, 'fixtures', 'clean-project');
export const NODE_MODULES = path.resolve(__dirname, '..', '..', 'node_modules');
export const CLASSES = 'force-app/main/default/classes';

/** A temp copy of the fixture with node_modules linked in and the Apex/schema types generated. */
export function copyFixture(): string {
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

/** The planted defects, each in a file of its own so every checker's findings can be told apart. */
export const DEFECTS = {
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
  longMethod: `${CLASSES}/NoteTally.cls`,
  unprefixedPermissionSet: 'force-app/main/default/permissionsets/Note_Readers.permissionset-meta.xml',
  unqueriedFieldInConstructor: `${CLASSES}/NoteCard.cls`
};

/**
 * The Apex of the four platform-check defects, the long method and the constructor reading an unqueried field,
 * as prettier formats it (the self-test asserts so).
 */
export const PLANTED_APEX: Record<string, string[]> = {
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
  NoteCard: [
    'public with sharing class NoteCard {',
    '  public final String heading;',
    '',
    '  public NoteCard(Call_Note__c note) {',
    "    heading = note.Body__c + ' (' + note.Minutes__c + ' min)';",
    '  }',
    '',
    '  public static NoteCard latest() {',
    '    List<Call_Note__c> notes = [SELECT Id, Body__c FROM Call_Note__c WITH USER_MODE LIMIT 1];',
    '    return notes.isEmpty() ? null : new NoteCard(notes[0]);',
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
export const PLANTED_FILES = new Set<string>([
  ...Object.values(DEFECTS),
  ...Object.keys(PLANTED_APEX).map((name) => `${CLASSES}/${name}.cls`)
]);

/** Checkers that start a JVM: run once, on the defective copy, and held to silence outside PLANTED_FILES. */
export const JAVA_CHECKERS = new Set(['apex-semantic', 'code-analyzer']);

/** A finding on a planted file, or one about the project (an engine error) that names one. */
export const aboutPlantedFile = (f: Finding): boolean =>
  [...PLANTED_FILES].some((file) => f.file === file || (f.file === undefined && f.message.includes(file)));

export function plantDefects(root: string): void {
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
  const permissionSet = path.join(root, DEFECTS.unprefixedPermissionSet);
  fs.copyFileSync(
    path.join(path.dirname(permissionSet), 'Call_Notes_User.permissionset-meta.xml'),
    permissionSet
  );
}
