import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { parseApexClasses } from './apex-model';
import { renderApexDeclarations } from './apex-declarations';
import { generateTypes, parseCliArgs } from './generate-types';
import { loadSObjects } from './sobject-model';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

const CONTROLLER = `
/** Test controller. */
public with sharing class PanelController {
  @AuraEnabled(cacheable=true)
  public static List<PanelController.Row> getRows(Id recordId, Integer pageSize) { return null; }
  @AuraEnabled
  public static Map<String, Decimal> totals() { return null; }
  @AuraEnabled(cacheable=true)
  public static Call_Log__c getLog(Id callLogId) { return null; }
  @AuraEnabled
  public static void touch(Set<String> names, Long since) { }
  @AuraEnabled
  public static Frobnicator weird(Object anything) { return null; }
  @AuraEnabled
  public static Status currentStatus() { return null; }
  @AuraEnabled
  public static Page nextPage(Page previous) { return null; }
  @AuraEnabled
  public static String[] names() { return null; }
  @AuraEnabled
  public Integer notStatic() { return 1; }
  public static Integer notAura() { return 1; }

  public class Row {
    @AuraEnabled
    public String name;
    @AuraEnabled
    public Datetime startedAt { get; set; }
    @AuraEnabled
    public Boolean done, failed;
    @AuraEnabled
    public List<Child> children;
    @AuraEnabled
    public Map<Id, List<Call_Log__c>> logsByLead;
    public String hidden;
  }
  public class Child extends BaseRow {
    @AuraEnabled
    public Double score;
  }
  public virtual class BaseRow {
    @AuraEnabled
    public Date createdOn;
  }
  public enum Status { ACTIVE, PAUSED }
}
`;

const PAGE = `
public with sharing class Page {
  @AuraEnabled
  public Integer offsetRows;
  @AuraEnabled
  public List<PanelController.Row> rows;
}
`;

const FIELD = (name: string, type: string, extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${name}</fullName>
    <label>${name}</label>
    <type>${type}</type>${extra}
</CustomField>
`;

function makeProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-types-'));
  const classes = path.join(dir, 'force-app', 'main', 'ui', 'classes');
  fs.mkdirSync(classes, { recursive: true });
  fs.writeFileSync(path.join(classes, 'PanelController.cls'), CONTROLLER);
  fs.writeFileSync(path.join(classes, 'Page.cls'), PAGE);
  const obj = path.join(dir, 'force-app', 'main', 'log', 'objects', 'Call_Log__c');
  fs.mkdirSync(path.join(obj, 'fields'), { recursive: true });
  fs.writeFileSync(
    path.join(obj, 'Call_Log__c.object-meta.xml'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"/>\n'
  );
  fs.writeFileSync(path.join(obj, 'fields', 'Status__c.field-meta.xml'), FIELD('Status__c', 'Picklist'));
  fs.writeFileSync(
    path.join(obj, 'fields', 'Duration_Seconds__c.field-meta.xml'),
    FIELD('Duration_Seconds__c', 'Number')
  );
  fs.writeFileSync(path.join(obj, 'fields', 'Is_Test__c.field-meta.xml'), FIELD('Is_Test__c', 'Checkbox'));
  fs.writeFileSync(
    path.join(obj, 'fields', 'Matched_Lead__c.field-meta.xml'),
    FIELD(
      'Matched_Lead__c',
      'Lookup',
      '\n    <referenceTo>Lead</referenceTo>\n    <relationshipName>Call_Logs</relationshipName>'
    )
  );
  const setting = path.join(dir, 'force-app', 'main', 'settings', 'objects', 'My_Settings__c');
  fs.mkdirSync(path.join(setting, 'fields'), { recursive: true });
  fs.writeFileSync(
    path.join(setting, 'My_Settings__c.object-meta.xml'),
    '<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><customSettingsType>Hierarchy</customSettingsType></CustomObject>\n'
  );
  fs.writeFileSync(
    path.join(setting, 'fields', 'Enabled__c.field-meta.xml'),
    FIELD('Enabled__c', 'Checkbox')
  );
  const mdt = path.join(dir, 'force-app', 'main', 'settings', 'objects', 'My_Default__mdt', 'fields');
  fs.mkdirSync(mdt, { recursive: true });
  fs.writeFileSync(path.join(mdt, 'Value__c.field-meta.xml'), FIELD('Value__c', 'Text'));
  return dir;
}

function interfaceBlock(dts: string, name: string): string {
  const start = dts.indexOf(`  export interface ${name} {`);
  expect(start).toBeGreaterThanOrEqual(0);
  return dts.slice(start, dts.indexOf('\n  }', start) + 4);
}

function methodBlock(dts: string, module: string): string {
  const start = dts.indexOf(`declare module '@salesforce/apex/${module}'`);
  expect(start).toBeGreaterThanOrEqual(0);
  return dts.slice(start, dts.indexOf('\n}', start) + 2);
}

describe('Apex → TypeScript type generation', () => {
  let project: string;
  let dts: string;

  beforeAll(() => {
    project = makeProject();
    generateTypes(project, path.join(project, '.generated', 'types'));
    dts = fs.readFileSync(path.join(project, '.generated', 'types', 'apex.d.ts'), 'utf8');
  });

  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it('declares one module per @AuraEnabled static method, sorted, and nothing else', () => {
    const modules = [...dts.matchAll(/^declare module '@salesforce\/apex\/([^']+)'/gm)].map((m) => m[1]);
    expect(modules).toEqual([
      'PanelController.currentStatus',
      'PanelController.getLog',
      'PanelController.getRows',
      'PanelController.names',
      'PanelController.nextPage',
      'PanelController.totals',
      'PanelController.touch',
      'PanelController.weird'
    ]);
  });

  it('maps params to one object type by name and lists to arrays of inner-class interfaces', () => {
    const block = methodBlock(dts, 'PanelController.getRows');
    expect(block).toContain('type Params = { recordId: string; pageSize: number };');
    expect(block).toContain('type Result = PanelController_Row[];');
    expect(block).toContain("import type { PanelController_Row } from '@salesforce/apex-types';");
    expect(block).toContain('const apexMethod: ((params: Params) => Promise<Result>) &');
    expect(block).toContain('WireAdapterConstructor<Params, { data?: Result; error?: unknown }>;');
  });

  it('types no-arg methods with optional empty params and maps to Record<string, T>', () => {
    const block = methodBlock(dts, 'PanelController.totals');
    expect(block).toContain('type Params = Record<string, never>;');
    expect(block).toContain('type Result = Record<string, number>;');
    expect(block).toContain('((params?: Params) => Promise<Result>)');
  });

  it('maps void, Set, Long, String[] and enums', () => {
    const touch = methodBlock(dts, 'PanelController.touch');
    expect(touch).toContain('type Params = { names: string[]; since: number };');
    expect(touch).toContain('type Result = void;');
    expect(methodBlock(dts, 'PanelController.names')).toContain('type Result = string[];');
    expect(methodBlock(dts, 'PanelController.currentStatus')).toContain(
      'type Result = PanelController_Status;'
    );
    expect(dts).toContain("export type PanelController_Status = 'ACTIVE' | 'PAUSED';");
  });

  it('maps unknown Apex types and Object to unknown, with a comment naming the type', () => {
    const block = methodBlock(dts, 'PanelController.weird');
    expect(block).toContain('type Params = { anything: unknown };');
    expect(block).toContain('type Result = unknown /* Apex type Frobnicator: not found in force-app */;');
  });

  it('generates DTO interfaces from @AuraEnabled properties only, including inherited ones', () => {
    expect(dts).toContain(
      [
        '  export interface PanelController_Row {',
        '    name: string;',
        '    startedAt: string;',
        '    done: boolean;',
        '    failed: boolean;',
        '    children: PanelController_Child[];',
        '    logsByLead: Record<string, Call_Log__c[]>;',
        '  }'
      ].join('\n')
    );
    expect(dts).not.toContain('hidden');
    expect(dts).toContain(
      'export interface PanelController_Child {\n    createdOn: string;\n    score: number;\n  }'
    );
  });

  it('keeps top-level DTO class names and resolves qualified inner names from other classes', () => {
    expect(methodBlock(dts, 'PanelController.nextPage')).toContain('type Params = { previous: Page };');
    expect(dts).toContain(
      'export interface Page {\n    offsetRows: number;\n    rows: PanelController_Row[];\n  }'
    );
  });

  it('generates SObject interfaces from object metadata, with typed custom fields and relationships', () => {
    expect(methodBlock(dts, 'PanelController.getLog')).toContain('type Result = Call_Log__c;');
    expect(dts).toContain('    Status__c?: string;');
    expect(dts).toContain('    Duration_Seconds__c?: number;');
    expect(dts).toContain('    Is_Test__c?: boolean;');
    expect(dts).toContain('    Matched_Lead__c?: string;\n    Matched_Lead__r?: Lead;');
  });

  it('gives custom settings, custom metadata types and custom objects their own standard fields', () => {
    const settings = interfaceBlock(dts, 'My_Settings__c');
    expect(settings).toContain('    SetupOwnerId?: string;');
    expect(settings).toContain('    Enabled__c?: boolean;');
    expect(settings).not.toContain('OwnerId?: string;\n    Owner?');
    const mdt = interfaceBlock(dts, 'My_Default__mdt');
    expect(mdt).toContain('    DeveloperName?: string;');
    expect(mdt).toContain('    Value__c?: string;');
    expect(mdt).not.toContain('CreatedDate');
    expect(interfaceBlock(dts, 'Call_Log__c')).toContain('    OwnerId?: string;\n    Owner?: User;');
  });

  it('declares @salesforce/schema modules for objects, fields and custom relationship spans', () => {
    const schema = fs.readFileSync(path.join(project, '.generated', 'types', 'schema.d.ts'), 'utf8');
    expect(schema).toContain("declare module '@salesforce/schema/Call_Log__c' {");
    expect(schema).toContain("declare module '@salesforce/schema/Call_Log__c.Status__c' {");
    expect(schema).toContain("fieldApiName: 'Status__c'; objectApiName: 'Call_Log__c'");
    expect(schema).toContain("declare module '@salesforce/schema/Call_Log__c.Matched_Lead__r.Name' {");
    expect(schema).toContain("declare module '@salesforce/schema/Lead.Phone' {");
    expect(schema).not.toContain('Call_Log__c.Nope__c');
  });

  it('is deterministic', () => {
    const classes = [
      ...parseApexClasses(CONTROLLER, 'PanelController.cls'),
      ...parseApexClasses(PAGE, 'Page.cls')
    ];
    const sobjects = loadSObjects(project);
    const reversed = [...classes].reverse();
    expect(renderApexDeclarations(reversed, sobjects)).toBe(renderApexDeclarations(classes, sobjects));
    expect(renderApexDeclarations(classes, sobjects)).toBe(dts);
  });

  it('makes strict tsc reject a wrong param name, a wrong result field and an unknown schema field', () => {
    const consumer = path.join(project, 'consumer.ts');
    fs.writeFileSync(
      consumer,
      [
        "import getRows from '@salesforce/apex/PanelController.getRows';",
        "import totals from '@salesforce/apex/PanelController.totals';",
        "import STATUS from '@salesforce/schema/Call_Log__c.Status__c';",
        "import NOPE from '@salesforce/schema/Call_Log__c.Nope__c';",
        'export async function ok(): Promise<string> {',
        "  const rows = await getRows({ recordId: '001', pageSize: 5 });",
        '  await totals();',
        '  return (rows[0]?.name ?? STATUS.fieldApiName) + String(NOPE);',
        '}',
        'export async function bad(): Promise<void> {',
        "  await getRows({ recordID: '001', pageSize: 5 });",
        "  const rows = await getRows({ recordId: '001', pageSize: 5 });",
        '  void rows[0]?.nmae;',
        '}',
        ''
      ].join('\n')
    );
    const program = ts.createProgram({
      rootNames: [
        consumer,
        path.join(project, '.generated', 'types', 'apex.d.ts'),
        path.join(project, '.generated', 'types', 'schema.d.ts')
      ],
      options: {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ESNext,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        types: [],
        skipLibCheck: true,
        paths: { lwc: [path.join(REPO_ROOT, 'node_modules', 'lwc')] }
      }
    });
    const messages = ts
      .getPreEmitDiagnostics(program)
      .map((d) => {
        const line =
          d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        return `${path.basename(d.file?.fileName ?? '')}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      })
      .sort();
    expect(messages).toEqual([
      expect.stringMatching(/^consumer\.ts:11: .*'recordID' does not exist/),
      expect.stringMatching(/^consumer\.ts:13: .*'nmae' does not exist/),
      expect.stringMatching(/^consumer\.ts:4: Cannot find module '@salesforce\/schema\/Call_Log__c\.Nope__c'/)
    ]);
  });
});

describe('generate-types CLI arguments', () => {
  it('defaults to the current directory and <project>/.generated/types', () => {
    expect(parseCliArgs([], '/p')).toEqual({ project: '/p', out: path.join('/p', '.generated', 'types') });
  });

  it('resolves --project and --out against the current directory', () => {
    expect(parseCliArgs(['--project', 'fx', '--out', '/tmp/o'], '/p')).toEqual({
      project: '/p/fx',
      out: '/tmp/o'
    });
  });

  it('rejects unknown arguments and missing values', () => {
    expect(() => parseCliArgs(['--nope'], '/p')).toThrow(/unknown argument --nope/);
    expect(() => parseCliArgs(['--out'], '/p')).toThrow(/--out needs a directory/);
  });
});
